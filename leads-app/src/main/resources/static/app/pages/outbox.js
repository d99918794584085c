// Outbox: dead letters with replay, and the messages of one lead.
import { h, field, table, empty, fmtDate, badge, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post } from '../api.js';

export async function render(main) {
  const msg = notice();
  const dead = h('section.card#dead-letters');
  const leadId = h('input#outbox-lead', { type: 'number', min: 1 });
  const messages = h('div#lead-messages');
  main.append(h('h1', t('Outbox')), msg, dead,
    h('section.card', h('h2', t('Messages of a lead')),
      h('form.row', { onsubmit: async (e) => { e.preventDefault(); try { messages.replaceChildren(view(await get('/api/outbox/messages', { leadId: leadId.value }), false)); } catch (err) { msg.error(err); } } },
        field(t('Lead id'), leadId), h('button', { type: 'submit' }, t('Show'))), messages));
  await load();

  async function load() {
    dead.replaceChildren(h('h2', t('Dead letters')), view(await get('/api/outbox/dead-letters', { limit: 100 }), true));
  }

  function view(list, replayable) {
    if (!list.length) return empty(replayable ? t('No dead letters.') : t('No data yet.'));
    return table([{ label: '#', key: 'id' }, { label: t('Lead id'), cell: (m) => h('a', { href: '#/leads/' + m.leadId }, '#' + m.leadId) },
      { label: t('Peer'), cell: (m) => te(m.peer) }, { label: t('Kind'), key: 'kind' }, { label: t('Status'), cell: (m) => badge(te(m.status), m.status) },
      { label: t('Attempts'), num: true, key: 'attempts' }, { label: t('Last error'), cell: (m) => [m.lastStatus, m.lastError].filter(Boolean).join(' ') || '—' },
      { label: t('Created'), cell: (m) => fmtDate(m.createdAt) },
      replayable ? { label: '', cell: (m) => h('button', { type: 'button', onclick: async () => {
        try { await post(`/api/outbox/dead-letters/${m.id}/replay`); msg.show(t('Replayed.'), 'ok'); await load(); } catch (err) { msg.error(err); }
      } }, t('Replay')) } : null].filter(Boolean), list);
  }
}
