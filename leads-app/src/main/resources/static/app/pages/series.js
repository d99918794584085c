// Campaign series: list, create and edit (brief, persona, CTA, journey stage, 4C role, channels with cost), report.
import { h, field, select, table, empty, fmtDay, fmtNum, badge, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, getOrNull, post, put, del } from '../api.js';
import { CHANNELS } from './leads.js';
import { hbars } from '../charts.js';

const STAGES = ['STRATEGY_AND_GOALS', 'NEEDS_AND_GAPS', 'VENDOR_EVALUATION', 'BUDGET_APPROVED_PURCHASE', 'IMPLEMENTATION_AND_REVIEW'];
const ROLES = ['CONNECT', 'CLOSE', 'CONTINUE'];
const STATUSES = ['PLANNED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED'];

export async function render(main, params, ctx) {
  if (params[0]) return edit(main, params[0], ctx);
  const [series, figures] = await Promise.all([get('/api/campaign-series'), getOrNull('/api/attribution')]);
  const byId = Object.fromEntries((figures || []).map((f) => [f.seriesId, f]));
  main.append(h('div.row', h('h1', t('Campaign series')), h('span.spacer'),
    ctx.can('ADMIN', 'MARKETER') ? h('a#new-series', { href: '#/series/new' }, h('button.primary', { type: 'button', tabindex: -1 }, '+ ' + t('New series'))) : null),
  h('section.card', series.length ? table([
    { label: t('Name'), cell: (r) => h('a', { href: '#/series/' + r.id }, r.name) },
    { label: t('Journey stage'), cell: (r) => te(r.journeyStage) }, { label: t('4C role'), cell: (r) => te(r.fourCRole) },
    { label: t('Status'), cell: (r) => badge(te(r.status), r.status) },
    { label: t('Channels'), cell: (r) => r.channels.map((c) => te(c.channel)).join(', ') },
    { label: t('Cost'), num: true, cell: (r) => fmtNum(r.channels.reduce((a, c) => a + Number(c.cost || 0), 0), 2) },
    { label: t('Leads created'), num: true, cell: (r) => fmtNum(byId[r.id]?.leadsCreated) },
    { label: t('Cost per new lead'), num: true, cell: (r) => fmtNum(byId[r.id]?.costPerNewLead, 2) },
    { label: t('Starts on'), cell: (r) => fmtDay(r.startsOn) }], series, { id: 'series-table', onRow: (r) => { location.hash = '#/series/' + r.id; } })
    : empty(t('No data yet.'))));
}

async function edit(main, id, ctx) {
  const isNew = id === 'new';
  const s = isNew ? { name: '', brief: {}, channels: [], currency: 'CNY', status: 'PLANNED' } : await get('/api/campaign-series/' + id);
  const editable = ctx.can('ADMIN', 'MARKETER');
  const msg = notice();
  const inp = (name, value, attrs = {}) => h('input', { name, id: 'series-' + name, value: value ?? '', disabled: !editable, ...attrs });
  const area = (name, value) => h('textarea', { name, id: 'series-' + name, disabled: !editable }, value ?? '');
  const f = {
    name: inp('name', s.name, { required: true, maxlength: 200 }), goal: area('goal', s.goal),
    persona: area('persona', s.brief?.persona), valueProposition: area('valueProposition', s.brief?.valueProposition),
    cta: inp('cta', s.brief?.cta), offer: inp('offer', s.brief?.offer),
    journeyStage: select([['', '—'], ...STAGES.map((x) => [x, te(x)])], s.journeyStage, { id: 'series-journeyStage', disabled: !editable }),
    fourCRole: select([['', '—'], ...ROLES.map((x) => [x, te(x)])], s.fourCRole, { id: 'series-fourCRole', disabled: !editable }),
    startsOn: inp('startsOn', s.startsOn, { type: 'date' }), endsOn: inp('endsOn', s.endsOn, { type: 'date' }),
    owner: inp('owner', s.owner), status: select(STATUSES.map((x) => [x, te(x)]), s.status, { id: 'series-status', disabled: !editable }),
    budget: inp('budget', s.budget, { type: 'number', min: 0, step: '0.01' }), currency: inp('currency', s.currency, { maxlength: 3, size: 4 }),
  };
  const costs = Object.fromEntries(s.channels.map((c) => [c.channel, c.cost]));
  const channelRows = CHANNELS.map((c) => {
    const on = h('input', { type: 'checkbox', checked: c in costs, disabled: !editable, id: 'channel-' + c });
    const cost = h('input', { type: 'number', min: 0, step: '0.01', value: costs[c] ?? '', disabled: !editable, id: 'cost-' + c, 'aria-label': t('Cost') });
    cost.addEventListener('input', () => { if (cost.value) on.checked = true; });
    return { channel: c, on, cost };
  });

  const form = h('form.card', { onsubmit: save },
    h('div.form', field(t('Name'), f.name), field(t('Journey stage'), f.journeyStage), field(t('4C role'), f.fourCRole), field(t('Status'), f.status),
      field(t('Starts on'), f.startsOn), field(t('Ends on'), f.endsOn), field(t('Owner'), f.owner), field(t('Budget'), f.budget),
      field(t('Currency'), f.currency),
      h('div.wide', field(t('Goal'), f.goal)), h('div.wide', field(t('Persona'), f.persona)),
      h('div.wide', field(t('Value proposition'), f.valueProposition)), field(t('CTA'), f.cta), field(t('Offer'), f.offer)),
    h('h3', t('Channels and costs')),
    table([{ label: '', cell: (r) => r.on }, { label: t('Channel'), cell: (r) => h('label', { for: r.on.id }, te(r.channel)) },
      { label: t('Cost'), cell: (r) => r.cost }], channelRows, { id: 'series-channels' }),
    msg,
    editable ? h('div.row', { style: { marginTop: '10px' } }, h('button.primary#series-save', { type: 'submit' }, t('Save')),
      !isNew && !s.default ? h('button.danger', { type: 'button', onclick: remove }, t('Delete')) : null) : null);

  main.append(h('div.row', h('a', { href: '#/series' }, '← ' + t('Campaign series'))),
    h('h1', isNew ? t('New series') : `${t('Edit series')}: ${s.name}`), form);
  if (!isNew) main.append(await report(id) ?? '');

  async function save(e) {
    e.preventDefault();
    const body = {
      name: f.name.value, goal: f.goal.value || null,
      brief: { persona: f.persona.value || null, valueProposition: f.valueProposition.value || null, cta: f.cta.value || null, offer: f.offer.value || null },
      journeyStage: f.journeyStage.value || null, fourCRole: f.fourCRole.value || null, startsOn: f.startsOn.value || null,
      endsOn: f.endsOn.value || null, owner: f.owner.value || null, status: f.status.value, budget: f.budget.value || null,
      currency: f.currency.value || null,
      channels: channelRows.filter((r) => r.on.checked).map((r) => ({ channel: r.channel, cost: r.cost.value || 0 })),
      version: isNew ? null : s.version,
    };
    try {
      const saved = isNew ? await post('/api/campaign-series', body) : await put('/api/campaign-series/' + id, body);
      msg.show(t('Saved'), 'ok');
      if (isNew) location.hash = '#/series/' + saved.id; else s.version = saved.version;
    } catch (err) { msg.error(err); }
  }

  async function remove() {
    try { await del('/api/campaign-series/' + id); location.hash = '#/series'; } catch (err) { msg.error(err); }
  }
}

async function report(id) {
  const r = await getOrNull(`/api/campaign-series/${id}/attribution`);
  if (!r) return null;
  return h('section.card#series-report', h('h2', t('Series report')),
    h('div.stats', [[t('Cost'), fmtNum(r.cost, 2)], [t('Leads created'), fmtNum(r.leadsCreated)], [t('Leads touched'), fmtNum(r.leadsTouched)],
      [t('Touches'), fmtNum(r.touches)], [t('Cost per new lead'), fmtNum(r.costPerNewLead, 2)]].map(([l, n]) => h('div.stat', h('div.n', n), h('div.l', l)))),
    r.channels?.some((c) => c.leadsCreated > 0) ? hbars(r.channels.map((c) => ({ label: te(c.channel), value: c.leadsCreated }))) : null,
    r.channels?.length ? table([{ label: t('Channel'), cell: (c) => te(c.channel) }, { label: t('Cost'), num: true, cell: (c) => fmtNum(c.cost, 2) },
      { label: t('Leads created'), num: true, cell: (c) => fmtNum(c.leadsCreated) }, { label: t('Leads touched'), num: true, cell: (c) => fmtNum(c.leadsTouched) },
      { label: t('Cost per new lead'), num: true, cell: (c) => fmtNum(c.costPerNewLead, 2) }], r.channels) : null);
}
