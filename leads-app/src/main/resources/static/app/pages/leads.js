// Lead pool: search with filters, saved views (this browser), keyset paging; a row opens the 360° page.
import { h, field, select, table, empty, fmtDate, badge, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, getOrNull } from '../api.js';

const STAGES = ['NEW', 'NURTURING', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'DISQUALIFIED', 'RECYCLED'];
const CHANNELS = ['WEB_FORM', 'WEBINAR', 'LIVE_STREAM', 'WHITEPAPER', 'OFFLINE_EVENT', 'WECHAT', 'EDM', 'PAID_SEARCH', 'REFERRAL', 'HOTLINE_400', 'IMPORT', 'API'];
const VIEWS_KEY = 'leadflow.leadViews';
const FILTERS = ['q', 'stage', 'tag', 'owner', 'industry', 'region', 'seriesId', 'channel', 'createdFrom', 'createdTo'];

export { CHANNELS };

export async function render(main, params, ctx) {
  if (params[0]) {
    const lead = await import('./lead.js');
    return lead.render(main, params[0], ctx);
  }
  const series = (await getOrNull('/api/campaign-series')) || [];
  const inputs = {
    q: h('input', { type: 'search', placeholder: t('Text (name, e-mail, phone, company)') }),
    stage: select([['', t('Any')], ...STAGES.map((s) => [s, te(s)])], ''),
    tag: h('input'), owner: h('input'), industry: h('input'), region: h('input'),
    seriesId: select([['', t('Any')], ...series.map((s) => [s.id, s.name])], ''),
    channel: select([['', t('Any')], ...CHANNELS.map((c) => [c, te(c)])], ''),
    createdFrom: h('input', { type: 'date' }), createdTo: h('input', { type: 'date' }),
  };
  Object.entries(inputs).forEach(([k, el]) => { el.name = k; el.id = 'filter-' + k; });
  const labels = { q: t('Search'), stage: t('Stage'), tag: t('Tag'), owner: t('Owner'), industry: t('Industry'), region: t('Region'),
    seriesId: t('Campaign series'), channel: t('Channel'), createdFrom: t('Created from'), createdTo: t('Created to') };
  const views = h('div.chips#saved-views');
  const viewName = h('input#view-name', { placeholder: t('View name'), size: 12 });
  const results = h('div#lead-results');
  const pager = h('div.row.end');
  const msg = notice();
  let pages = [null]; // the 'after' of each page seen so far
  let index = 0;

  const form = h('form.form.card', { onsubmit: (e) => { e.preventDefault(); pages = [null]; index = 0; load(); } },
    FILTERS.map((k) => field(labels[k], inputs[k])),
    h('div.row.wide', h('button.primary#search', { type: 'submit' }, t('Search')),
      h('button', { type: 'button', onclick: () => { FILTERS.forEach((k) => { inputs[k].value = ''; }); form.requestSubmit(); } }, t('Reset')),
      h('span.spacer'),
      viewName, h('button#save-view', { type: 'button', onclick: saveView }, t('Save view'))));
  main.append(h('h1', t('Lead pool')), form, h('div.row', h('strong', t('Saved views') + ':'), views), msg, results, pager);
  drawViews();
  await load();

  function current() {
    return Object.fromEntries(FILTERS.map((k) => [k, inputs[k].value]).filter(([, v]) => v));
  }

  function queryOf(filters) {
    const q = { ...filters };
    for (const k of ['createdFrom', 'createdTo']) if (q[k]) q[k] = new Date(q[k] + (k === 'createdTo' ? 'T23:59:59' : 'T00:00:00')).toISOString();
    return q;
  }

  async function load() {
    try {
      const page = await get('/api/leads', { ...queryOf(current()), after: pages[index], limit: 25 });
      msg.show(null);
      results.replaceChildren(page.items.length ? table([
        { label: t('Name'), cell: (r) => h('a', { href: '#/leads/' + r.id }, r.name || '#' + r.id) },
        { label: t('Company'), cell: (r) => r.companyName ?? '—' },
        { label: t('Industry'), cell: (r) => r.industry ?? '—' },
        { label: t('Region'), cell: (r) => [r.region, r.city].filter(Boolean).join(' · ') || '—' },
        { label: t('Stage'), cell: (r) => badge(te(r.lifecycleStage)) },
        { label: t('Owner'), cell: (r) => r.owner ?? '—' },
        { label: t('Last touch'), cell: (r) => fmtDate(r.lastTouchAt) },
      ], page.items, { id: 'leads-table', onRow: (r) => { location.hash = '#/leads/' + r.id; } }) : empty(t('No leads match.')));
      pages[index + 1] = page.nextAfter;
      pager.replaceChildren(
        h('button#prev-page', { disabled: index === 0, onclick: () => { index--; load(); } }, t('Previous page')),
        h('span.muted', t('Page {n}', { n: index + 1 })),
        h('button#next-page', { disabled: page.nextAfter == null, onclick: () => { index++; load(); } }, t('Next page')));
    } catch (e) {
      msg.error(e);
    }
  }

  function stored() { try { return JSON.parse(localStorage.getItem(VIEWS_KEY)) || []; } catch { return []; } }

  function saveView() {
    const name = viewName.value.trim();
    if (!name) { viewName.focus(); return; }
    viewName.value = '';
    localStorage.setItem(VIEWS_KEY, JSON.stringify([...stored().filter((v) => v.name !== name), { name, filters: current() }]));
    drawViews();
  }

  function drawViews() {
    const list = stored();
    views.replaceChildren(...(list.length ? list.map((v) => h('span.chip',
      h('a', { href: '#/leads', onclick: (e) => { e.preventDefault(); FILTERS.forEach((k) => { inputs[k].value = v.filters[k] ?? ''; }); form.requestSubmit(); } }, v.name),
      h('button', { type: 'button', title: t('Delete'), onclick: () => { localStorage.setItem(VIEWS_KEY, JSON.stringify(stored().filter((x) => x.name !== v.name))); drawViews(); } }, '×')))
      : [h('span.muted', '—')]));
  }
}
