// Merge review queue: possible duplicates side by side, merge or dismiss.
import { h, table, empty, fmtDate, fmtPct, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post } from '../api.js';

const FIELDS = [['Name', (l) => l.name], ['Company', (l) => l.companyName], ['Title', (l) => l.title],
  ['Industry', (l) => l.industry], ['Region', (l) => [l.region, l.province, l.city].filter(Boolean).join(' · ')],
  ['EMAIL', (l) => (l.emails || []).join(', ')], ['PHONE', (l) => (l.phones || []).join(', ')], ['Stage', (l) => te(l.lifecycleStage)],
  ['Owner', (l) => l.owner], ['Tags', (l) => (l.tags || []).join(', ')], ['Created', (l) => fmtDate(l.createdAt)],
  ['Last touch', (l) => fmtDate(l.lastTouchAt)]];

export async function render(main) {
  const msg = notice();
  const list = h('div#candidates');
  const detail = h('div#candidate-detail');
  main.append(h('h1', t('Merge review')), msg, detail, list);
  await load();

  async function load() {
    const candidates = await get('/api/duplicate-candidates', { status: 'OPEN', limit: 100 });
    list.replaceChildren(candidates.length ? h('section.card', table([
      { label: '#', key: 'id' }, { label: t('Lead A'), cell: (c) => h('a', { href: '#/leads/' + c.leadA }, '#' + c.leadA) },
      { label: t('Lead B'), cell: (c) => h('a', { href: '#/leads/' + c.leadB }, '#' + c.leadB) },
      { label: t('Similarity'), num: true, cell: (c) => fmtPct(c.similarity, 0) }, { label: t('Reason'), key: 'reason' },
      { label: t('Created'), cell: (c) => fmtDate(c.createdAt) }], candidates, { id: 'candidates-table', onRow: show })) : empty(t('No open candidates.')));
    if (candidates.length) await show(candidates[0]); else detail.replaceChildren();
  }

  async function show(c) {
    detail.dataset.loading = 'true';
    const [a, b] = await Promise.all([get('/api/leads/' + c.leadA), get('/api/leads/' + c.leadB)]);
    delete detail.dataset.loading;
    const rows = FIELDS.map(([label, of]) => ({ label, a: of(a.lead) || '—', b: of(b.lead) || '—' }));
    detail.replaceChildren(h('section.card#pair', { 'data-pair': `${c.leadA}-${c.leadB}` },
      h('h2', `${t('Similarity')} ${fmtPct(c.similarity)} · ${c.reason || ''}`),
      table([{ label: t('Field'), cell: (r) => te(r.label) === r.label ? t(r.label) : te(r.label) },
        { label: `${t('Lead A')} #${c.leadA}`, key: 'a' }, { label: `${t('Lead B')} #${c.leadB}`, key: 'b' }], rows,
      { rowClass: (r) => (r.a !== r.b ? 'diff' : null) }),
      h('div.row', { style: { marginTop: '10px' } },
        h('button.primary#merge-accept', { onclick: () => decide(c, 'merge', t('Merged.')) }, t('Merge')),
        h('button#merge-dismiss', { onclick: () => decide(c, 'dismiss', t('Dismissed.')) }, t('Dismiss')))));
  }

  async function decide(c, what, done) {
    try {
      await post(`/api/duplicate-candidates/${c.id}/${what}`);
      msg.show(done, 'ok');
      await load();
    } catch (e) { msg.error(e); }
  }
}
