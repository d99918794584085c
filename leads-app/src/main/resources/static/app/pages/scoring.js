// Scoring models: list; editor for weights, BANT criteria, bands, grades and decay; simulate; activate with progress.
import { h, field, select, table, empty, fmtDate, fmtNum, fmtPct, badge, notice, progress } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post, put, del } from '../api.js';
import { groupedColumns, legend, BANDS, BAND_COLOURS } from '../charts.js';

const ATTRIBUTES = ['BUDGET', 'AUTHORITY', 'NEED', 'TIMEFRAME', 'TITLE', 'COMPANY_SIZE', 'INDUSTRY', 'REGION', 'EXISTING_CUSTOMER'];
const MATCHES = ['EQUALS', 'CONTAINS', 'BETWEEN', 'PRESENT', 'ABSENT'];
const ACTIONS = ['FORM_SUBMIT', 'WEBINAR_REGISTER', 'WEBINAR_ATTEND', 'LIVE_STREAM_VIEW', 'WHITEPAPER_DOWNLOAD', 'EVENT_REGISTER', 'EVENT_CHECKIN',
  'WECHAT_FOLLOW', 'WECHAT_MESSAGE', 'EMAIL_OPEN', 'EMAIL_CLICK', 'EMAIL_BOUNCE', 'UNSUBSCRIBE', 'CALL', 'CALL_INBOUND', 'TRIAL_REQUEST',
  'TRIAL_START', 'DEMO_REQUEST', 'PAGE_VIEW', 'CONTENT_SHARE', 'IMPORT', 'SALES_NOTE'];

export async function render(main, params, ctx) {
  if (params[0]) return editor(main, params[0], ctx);
  const models = await get('/api/scoring/models');
  main.append(h('h1', t('Scoring')), h('section.card', h('h2', t('Models')), models.length ? table([
    { label: '#', key: 'id' }, { label: t('Name'), cell: (m) => h('a', { href: '#/scoring/' + m.id }, m.name) },
    { label: t('Scope'), key: 'scope' }, { label: t('Version'), num: true, key: 'version' },
    { label: t('Status'), cell: (m) => badge(te(m.status), m.status) }, { label: t('Created'), cell: (m) => fmtDate(m.createdAt) }],
  models, { id: 'models-table', onRow: (m) => { location.hash = '#/scoring/' + m.id; } }) : empty(t('No data yet.'))));
}

/** Inputs bound to a field of an object: numbers (empty → null), text, comma lists, selects, checkboxes. */
const bind = {
  num(obj, key, attrs = {}) {
    return h('input', { type: 'number', step: 'any', value: obj[key] ?? '', ...attrs,
      oninput: (e) => { obj[key] = e.target.value === '' ? null : Number(e.target.value); } });
  },
  text(obj, key, attrs = {}) {
    return h('input', { value: obj[key] ?? '', ...attrs, oninput: (e) => { obj[key] = e.target.value || null; } });
  },
  list(obj, key, attrs = {}) {
    return h('input', { value: (obj[key] || []).join(', '), ...attrs,
      oninput: (e) => { obj[key] = e.target.value.split(/[,，]/).map((v) => v.trim()).filter(Boolean); } });
  },
  choice(obj, key, options, attrs = {}) {
    const el = select(options.map((o) => [o, te(o)]), obj[key], attrs);
    el.addEventListener('change', () => { obj[key] = el.value; });
    return el;
  },
  check(obj, key, attrs = {}) {
    return h('input', { type: 'checkbox', checked: obj[key] !== false, ...attrs, onchange: (e) => { obj[key] = e.target.checked; } });
  },
};

async function editor(main, id, ctx) {
  const model = await get('/api/scoring/models/' + id);
  const def = structuredClone(model.definition);
  const draft = model.status === 'DRAFT';
  const canEdit = ctx.can('ADMIN', 'MARKETER');
  const msg = notice();
  const name = h('input#model-name', { value: model.name, disabled: !draft || !canEdit });
  const groups = h('div');
  const sim = h('div#simulation');
  const activation = h('div#activation');

  const drawGroups = () => groups.replaceChildren(...def.groups.map((g, gi) => groupEditor(g, gi, drawGroups, draft && canEdit)));
  drawGroups();

  const buttons = h('div.row',
    draft && canEdit ? h('button#model-save', { type: 'button', onclick: () => save(true) }, t('Save')) : null,
    h('button.primary#model-simulate', { type: 'button', onclick: simulate, disabled: !canEdit }, t('Simulate')),
    draft && canEdit ? h('button#model-activate', { type: 'button', onclick: activate }, t('Activate')) : null,
    canEdit ? h('button#model-copy', { type: 'button', onclick: copy }, t('Copy as draft')) : null,
    draft && canEdit ? h('button.danger', { type: 'button', onclick: remove }, t('Delete')) : null);

  main.append(h('div.row', h('a', { href: '#/scoring' }, '← ' + t('Scoring'))),
    h('div.row', h('h1', `${model.name}`), badge(te(model.status), model.status), h('span.muted', `${t('Scope')} ${model.scope} · v${model.version}`)),
    h('p.muted', draft ? '' : t('Only drafts can be edited.')),
    h('section.card', field(t('Name'), name), groups, msg, buttons), activation, sim);

  async function save(tell) {
    const saved = await put('/api/scoring/models/' + id, { name: name.value, definition: def });
    if (tell) msg.show(t('Saved'), 'ok');
    return saved;
  }

  async function simulate() {
    try {
      if (draft) await save(false);
      sim.replaceChildren(h('p.loading', t('Loading…')));
      const report = await post(`/api/scoring/models/${id}/simulate`);
      msg.show(null);
      sim.replaceChildren(simulationView(report));
    } catch (e) { sim.replaceChildren(); msg.error(e); }
  }

  async function copy() {
    try {
      const created = await post('/api/scoring/models', { scope: model.scope, name: `${name.value} (draft)`, definition: def });
      location.hash = '#/scoring/' + created.id;
    } catch (e) { msg.error(e); }
  }

  async function remove() {
    try { await del('/api/scoring/models/' + id); location.hash = '#/scoring'; } catch (e) { msg.error(e); }
  }

  async function activate() {
    try {
      await save(false);
      const { job } = await post(`/api/scoring/models/${id}/activate`);
      const bar = progress();
      bar.id = 'activation-progress';
      const text = h('p.muted');
      activation.replaceChildren(h('section.card', h('h2', t('Re-scoring')), bar, text));
      const poll = async () => {
        if (!ctx.isCurrent()) return;
        const j = await get('/api/scoring/jobs/' + job.id);
        const pct = j.totalLeads ? (100 * j.processed) / j.totalLeads : j.status === 'DONE' ? 100 : 0;
        bar.set(pct, `${fmtNum(pct, 1)}%`);
        text.textContent = `${te(j.status)} · ${fmtNum(j.processed)} / ${fmtNum(j.totalLeads)} · ${t('Leads changing band')}: ${fmtNum(j.bandChanges)}${j.error ? ' · ' + j.error : ''}`;
        if (j.status === 'DONE' || j.status === 'FAILED') {
          buttons.querySelectorAll('button').forEach((b) => { if (b.id !== 'model-simulate') b.disabled = true; });
          return;
        }
        setTimeout(poll, 500);
      };
      poll();
    } catch (e) { msg.error(e); }
  }
}

function groupEditor(g, gi, redraw, editable) {
  const dis = { disabled: !editable };
  g.behaviour ||= {};
  g.bands ||= {};
  g.grades ||= {};
  const b = g.behaviour;
  const remove = (list, i) => h('button', { type: 'button', ...dis, title: t('Remove'), onclick: () => { list.splice(i, 1); redraw(); } }, '×');
  return h('div.group', { 'data-group': g.name },
    h('h2', `${t('Group')}: ${g.name}`),
    h('div.form',
      field(`${t('Bands')} · ${t('Warm from')}`, bind.num(g.bands, 'warmFrom', { ...dis, id: `g${gi}-warmFrom` })),
      field(`${t('Bands')} · ${t('Hot above')}`, bind.num(g.bands, 'hotAbove', { ...dis, id: `g${gi}-hotAbove` })),
      field(`${t('Grades')} A`, bind.num(g.grades, 'a', dis)), field(`${t('Grades')} B`, bind.num(g.grades, 'b', dis)),
      field(`${t('Grades')} C`, bind.num(g.grades, 'c', dis)),
      field(t('Decay half-life (days)'), bind.num(b, 'halfLifeDays', { ...dis, id: `g${gi}-halfLife` })),
      field(t('Competitor points'), bind.num(b, 'competitorPoints', dis)),
      h('div.wide', field(t('Competitor domains'), bind.list(b, 'competitorDomains', dis)))),
    h('h3', t('BANT and fit criteria')),
    table([
      { label: t('Label'), cell: (c) => bind.text(c, 'label', dis) },
      { label: t('Attribute'), cell: (c) => bind.choice(c, 'attribute', ATTRIBUTES, dis) },
      { label: t('Match'), cell: (c) => bind.choice(c, 'match', MATCHES, dis) },
      { label: t('Values'), cell: (c) => bind.list(c, 'values', dis) },
      { label: t('Min'), cell: (c) => bind.num(c, 'min', dis) }, { label: t('Max'), cell: (c) => bind.num(c, 'max', dis) },
      { label: t('Points'), cell: (c, i) => bind.num(c, 'points', { ...dis, id: `g${gi}-fit-${i}-points` }) },
      { label: '', cell: (c, i) => remove(g.fit, i) }], g.fit, { id: `g${gi}-fit` }),
    editable ? h('button', { type: 'button', onclick: () => { g.fit.push({ id: 'c' + Date.now(), label: '', attribute: 'BUDGET', match: 'PRESENT', values: [], points: 10 }); redraw(); } }, '+ ' + t('Add criterion')) : null,
    h('h3', t('Behaviour weights')),
    table([
      { label: t('Action'), cell: (a) => bind.choice(a, 'action', ACTIONS, dis) },
      { label: t('Points'), cell: (a) => bind.num(a, 'points', { ...dis, id: `g${gi}-action-${a.action}-points` }) },
      { label: t('Minutes/step'), cell: (a) => bind.num(a, 'minutesPerStep', dis) }, { label: t('Per step'), cell: (a) => bind.num(a, 'pointsPerStep', dis) },
      { label: t('Max steps'), cell: (a) => bind.num(a, 'maxSteps', dis) }, { label: t('Cap'), cell: (a) => bind.num(a, 'cap', dis) },
      { label: t('Cap days'), cell: (a) => bind.num(a, 'capPeriodDays', dis) }, { label: t('Decays'), cell: (a) => bind.check(a, 'decays', dis) },
      { label: '', cell: (a, i) => remove(b.actions, i) }], b.actions || [], { id: `g${gi}-actions` }),
    editable ? h('button', { type: 'button', onclick: () => { (b.actions ||= []).push({ action: 'PAGE_VIEW', points: 1, decays: true }); redraw(); } }, '+ ' + t('Add action')) : null);
}

function simulationView(report) {
  return h('section.card', h('h2', `${t('Simulation')} · ${fmtNum(report.leads)} ${t('Leads')}`),
    report.groups.map((g) => h('div.sim-group', { 'data-group': g.group },
      h('h3', `${t('Group')}: ${g.group}`),
      legend([[t('Before'), '#b8c2d3'], [t('After'), 'var(--brand)'], ...BANDS.map((b) => [te(b), BAND_COLOURS[b]])]),
      groupedColumns(BANDS, [
        { values: g.currentBands || {}, colour: (c) => BAND_COLOURS[c], opacity: 0.4 },
        { values: g.simulatedBands || {}, colour: (c) => BAND_COLOURS[c] }], { id: 'simulation-chart', sqrt: true }),
      h('div.stats', h('div.stat', h('div.n#leads-changing-band', fmtNum(g.leadsChangingBand)), h('div.l', t('Leads changing band'))),
        h('div.stat', h('div.n', `${fmtNum(g.currentAuc, 3)} / ${fmtNum(g.simulatedAuc, 3)}`), h('div.l', t('AUC now / with draft')))),
      table([{ label: t('Band'), cell: (r) => badge(te(r.band), r.band) },
        { label: t('Before'), num: true, cell: (r) => fmtNum(g.currentBands?.[r.band] ?? 0) },
        { label: t('After'), num: true, cell: (r) => fmtNum(g.simulatedBands?.[r.band] ?? 0) },
        { label: `${t('Conversion')} (${t('Before')})`, num: true, cell: (r) => fmtPct(g.currentConversion?.[r.band]?.rate, 1) },
        { label: `${t('Conversion')} (${t('After')})`, num: true, cell: (r) => fmtPct(g.simulatedConversion?.[r.band]?.rate, 1) }],
      BANDS.map((band) => ({ band })), { id: 'simulation-table' }),
      g.sample?.length ? table([{ label: t('Lead id'), cell: (m) => h('a', { href: '#/leads/' + m.leadId }, '#' + m.leadId) },
        { label: t('Before'), cell: (m) => `${te(m.from)} ${m.fromScore}` }, { label: t('After'), cell: (m) => `${te(m.to)} ${m.toScore}` }], g.sample) : null)));
}
