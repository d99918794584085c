// SDR queue: open entries, the BANT questionnaire with the call's outcome, and recycling with a reason.
import { h, field, select, table, empty, fmtDate, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post } from '../api.js';

const OUTCOMES = ['QUALIFIED', 'NOT_NOW', 'INVALID'];
const REASONS = { NOT_NOW: ['TIMING', 'BUDGET', 'PRICE', 'NO_AUTHORITY', 'COMPETITOR', 'NO_NEED', 'NO_RESPONSE', 'OTHER'],
  INVALID: ['WRONG_DATA', 'NO_INTENT', 'DUPLICATE', 'COMPETITOR_EMPLOYEE', 'STUDENT', 'SPAM', 'OTHER'], QUALIFIED: [] };

export async function render(main, params, ctx) {
  const msg = notice();
  const list = h('div#sdr-list');
  const panel = h('div#sdr-panel');
  main.append(h('h1', t('SDR queue')), msg, panel, list);
  const questions = await get('/api/qualification/questions');
  await load();

  async function load() {
    const entries = await get('/api/sdr-queue');
    const names = Object.fromEntries(await Promise.all(entries.slice(0, 50).map(async (e) => {
      try { const p = await get('/api/leads/' + e.leadId); return [e.leadId, p.lead]; } catch { return [e.leadId, null]; }
    })));
    list.replaceChildren(entries.length ? h('section.card', table([
      { label: t('Lead id'), cell: (e) => h('a', { href: '#/leads/' + e.leadId }, '#' + e.leadId) },
      { label: t('Name'), cell: (e) => names[e.leadId]?.name ?? '—' }, { label: t('Company'), cell: (e) => names[e.leadId]?.companyName ?? '—' },
      { label: t('Team'), cell: (e) => e.team ?? '—' }, { label: t('Owner'), cell: (e) => e.owner ?? '—' },
      { label: t('Queued'), cell: (e) => fmtDate(e.queuedAt) }], entries, { id: 'sdr-table', onRow: (e) => open(e, names[e.leadId]) }))
      : empty(t('Queue is empty.')));
  }

  function open(entry, lead) {
    const answers = questions.map((q) => ({ q, input: h('textarea', { name: q.key, id: 'answer-' + q.key, required: q.required }) }));
    const outcome = select(OUTCOMES.map((o) => [o, te(o)]), 'QUALIFIED', { id: 'sdr-outcome' });
    const reason = select([], '', { id: 'sdr-reason' });
    const after = h('input#sdr-reengage', { type: 'date' });
    const note = h('input#sdr-note');
    const reasons = () => {
      reason.replaceChildren(...[['', '—'], ...REASONS[outcome.value].map((r) => [r, te(r)])].map(([v, l]) => h('option', { value: v }, l)));
      reason.disabled = outcome.value === 'QUALIFIED';
      after.disabled = outcome.value !== 'NOT_NOW';
    };
    outcome.addEventListener('change', reasons);
    reasons();
    panel.replaceChildren(h('form.card#qualify-form', { onsubmit: async (e) => {
      e.preventDefault();
      try {
        const stage = await post('/api/qualification/leads/' + entry.leadId, {
          outcome: outcome.value, answers: Object.fromEntries(answers.map((a) => [a.q.key, a.input.value])),
          reason: reason.value || null, reengageAfter: after.value || null, note: note.value || null });
        msg.show(`#${entry.leadId} → ${te(stage.stage)}`, 'ok');
        panel.replaceChildren();
        await load();
      } catch (err) { msg.error(err); }
    } },
    h('h2', `${t('Qualify')}: ${lead?.name ?? '#' + entry.leadId}`, lead?.companyName ? h('span.muted', ' · ' + lead.companyName) : null),
    answers.map((a) => field(a.q.text + (a.q.required ? ' *' : ''), a.input)),
    h('div.form', field(t('Outcome'), outcome), field(t('Reason'), reason), field(t('Re-engage after'), after), field(t('Note'), note)),
    h('div.row', { style: { marginTop: '10px' } }, h('button.primary#sdr-submit', { type: 'submit' }, t('Record call')),
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, t('Cancel')),
      h('a', { href: '#/leads/' + entry.leadId }, t('Recycle with reason') + ' →'))));
  }
}
