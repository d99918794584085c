// Dashboard: market visibility vs target, funnel, bands over time, series by cost per SQL.
import { h, empty, field, fmtNum, fmtPct, notice, table, badge } from '../dom.js';
import { t, te } from '../i18n.js';
import { getOrNull } from '../api.js';
import { funnel, stackedColumns, hbars, legend, BANDS, BAND_COLOURS } from '../charts.js';

const isoDay = (d) => d.toISOString().slice(0, 10);

export async function render(main) {
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86400000);
  const fromIn = h('input#dash-from', { type: 'date', value: isoDay(from) });
  const toIn = h('input#dash-to', { type: 'date', value: isoDay(to) });
  const cards = h('div.grid');
  const msg = notice();
  main.append(h('div.row', h('h1', t('Dashboard')), h('span.spacer'),
    h('form.row', { onsubmit: (e) => { e.preventDefault(); load(); } }, field(t('From'), fromIn), field(t('To'), toIn),
      h('button', { type: 'submit' }, t('Apply')))), msg, cards);

  async function load() {
    const range = { from: fromIn.value, to: toIn.value };
    try {
      const [visibility, funnelData, attribution, trend, distribution] = await Promise.all([
        getOrNull('/api/analytics/visibility'), getOrNull('/api/analytics/funnel', range),
        getOrNull('/api/analytics/attribution', range), getOrNull('/api/analytics/bands/trend', { days: 30 }),
        getOrNull('/api/scoring/distribution')]);
      msg.show(null);
      cards.replaceChildren(
        card('dash-visibility', t('Market visibility'), visibilityMap(visibility), 'wide'),
        card('dash-funnel', t('Funnel'), funnelView(funnelData)),
        card('dash-bands', t('Leads by band over time'), bandsView(trend, distribution)),
        card('dash-series', t('Top series by cost per SQL'), seriesView(attribution), 'wide'));
    } catch (e) {
      msg.error(e);
    }
  }
  await load();
}

function card(id, title, body, cls) {
  return h('section.card#' + id, { class: cls }, h('h2', title), body);
}

const notYet = () => empty(t('This report is not available on this server yet.'));

function visibilityMap(data) {
  if (!data) return notYet();
  if (!data.segments?.length) return empty(t('No data yet.'));
  const segments = [...data.segments].sort((a, b) => (a.visibility ?? 0) - (b.visibility ?? 0));
  return h('div',
    h('p.muted', `${t('Target')}: ${fmtPct(data.target)}`,
      legend([[t('Below target'), 'var(--bad)'], [t('Near target'), 'var(--near)'], [t('On target'), 'var(--ok)']])),
    h('div.tiles', segments.map((sg) => h('div.tile', {
      class: String(sg.status || 'BELOW').toLowerCase(),
      title: (sg.missingFields || []).map((m) => `${te(m.field)}: ${m.count}`).join('\n'),
    },
    h('div.seg', [sg.industry, sg.region, sg.sizeBand].filter(Boolean).join(' · ')),
    h('div.pct', fmtPct(sg.visibility, 1)),
    h('div.sub', `${fmtNum(sg.completeLeads)} / ${fmtNum(sg.marketSize)} ${t('complete of market')}`),
    sg.missingFields?.length ? h('div.sub', `${t('Missing')}: ` + sg.missingFields.slice(0, 3).map((m) => `${te(m.field)} ${m.count}`).join(', ')) : null))));
}

function funnelView(data) {
  if (!data) return notYet();
  if (!data.stages?.length) return empty(t('No data yet.'));
  return h('div', funnel(data.stages),
    table([{ label: t('Stage'), cell: (r) => te(r.stage) }, { label: t('Leads'), num: true, cell: (r) => fmtNum(r.count) },
      { label: t('Conversion to next'), num: true, cell: (r) => fmtPct(r.conversionToNext, 1) },
      { label: t('Avg. days'), num: true, cell: (r) => fmtNum(r.avgDaysInStage, 1) }], data.stages));
}

function bandsView(trend, distribution) {
  const now = distribution ? h('div', h('h3', t('Band distribution now')),
    h('div.row', BANDS.map((b) => h('span', badge(te(b), b), ' ', h('strong', fmtNum(distribution.bands?.[b] ?? 0)))))) : null;
  if (!trend) return h('div', notYet(), now);
  if (!trend.days?.length) return h('div', empty(t('No data yet.')), now);
  return h('div', legend(BANDS.map((b) => [te(b), BAND_COLOURS[b]])), stackedColumns(trend.days), now);
}

function seriesView(data) {
  if (!data) return notYet();
  const rows = (data.rows || []).filter((r) => r.costPerSql != null).sort((a, b) => a.costPerSql - b.costPerSql).slice(0, 10);
  if (!rows.length) return empty(t('No data yet.'));
  return h('div',
    hbars(rows.map((r) => ({ label: `${r.seriesName}${r.channel ? ' · ' + te(r.channel) : ''}`, value: r.costPerSql, text: fmtNum(r.costPerSql, 2) }))),
    table([{ label: t('Series'), cell: (r) => r.seriesName }, { label: t('Channel'), cell: (r) => te(r.channel) },
      { label: t('Cost'), num: true, cell: (r) => fmtNum(r.cost, 2) }, { label: t('New leads'), num: true, cell: (r) => fmtNum(r.newLeads) },
      { label: 'SQL', num: true, cell: (r) => fmtNum(r.sqls) }, { label: t('Cost per SQL'), num: true, cell: (r) => fmtNum(r.costPerSql, 2) },
      { label: t('Won revenue'), num: true, cell: (r) => fmtNum(r.wonRevenue, 2) }], rows));
}
