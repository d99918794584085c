// Lead 360°: profile and company, identities, tags, consent, score with its explanation, stage history, timeline.
import { h, field, select, table, empty, fmtDate, fmtNum, badge, notice } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post, del } from '../api.js';

const PURPOSES = ['MARKETING_EMAIL', 'CALLS', 'WECHAT_MESSAGES', 'CROSS_BORDER_TRANSFER'];
const RECYCLE_REASONS = ['BUDGET', 'TIMING', 'PRICE', 'NO_AUTHORITY', 'COMPETITOR', 'NO_NEED', 'NO_RESPONSE', 'OTHER'];
const DISQUALIFY_REASONS = ['WRONG_DATA', 'NO_INTENT', 'DUPLICATE', 'COMPETITOR_EMPLOYEE', 'STUDENT', 'SPAM', 'OTHER'];
const NEXT = { NEW: ['NURTURING', 'MQL', 'DISQUALIFIED'], NURTURING: ['MQL', 'DISQUALIFIED'], MQL: ['SAL', 'NURTURING', 'RECYCLED', 'DISQUALIFIED'],
  SAL: ['SQL', 'RECYCLED', 'DISQUALIFIED'], SQL: ['OPPORTUNITY', 'SAL', 'RECYCLED', 'DISQUALIFIED', 'LOST'], OPPORTUNITY: ['WON', 'LOST', 'RECYCLED'],
  LOST: ['RECYCLED'], RECYCLED: ['NURTURING'], WON: [], DISQUALIFIED: [] };

/** A GET whose 403/404 means "nothing to show for this caller". */
async function optional(path) {
  try { return await get(path); } catch (e) { if (e.status === 404 || e.status === 403) return null; throw e; }
}

export async function render(main, id, ctx) {
  const [profile, scores, consents, stage] = await Promise.all([get('/api/leads/' + encodeURIComponent(id)),
    optional(`/api/scoring/leads/${id}/score`), optional(`/api/leads/${id}/consents`), optional(`/api/lifecycle/leads/${id}`)]);
  const lead = profile.lead;
  const msg = notice();
  const mainScore = scores?.scores?.[0];
  main.append(
    h('div.row', h('a', { href: '#/leads' }, '← ' + t('Lead pool'))),
    h('div.row', h('h1#lead-name', lead.name || t('Lead #{id}', { id: lead.id })), badge(te(stage?.stage || lead.lifecycleStage)),
      mainScore ? badge(`${te(mainScore.band)} · ${mainScore.total}`, mainScore.band) : null,
      profile.requestedId !== profile.id ? h('span.muted', `#${profile.requestedId} → #${profile.id}`) : null),
    msg,
    h('div.grid',
      h('section.card#lead-profile', h('h2', t('Company')), profileView(lead, profile)),
      h('section.card#lead-score', h('h2', t('Score')), scoreView(scores)),
      h('section.card#lead-identities', h('h2', t('Identities')), identitiesView(profile.identities)),
      h('section.card#lead-tags', h('h2', t('Tags')), tagsView(profile, ctx, msg)),
      h('section.card#lead-consent', h('h2', t('Consent')), consentView(id, consents, ctx, msg)),
      h('section.card#lead-stages', h('h2', t('Stage history')), stageView(id, stage, ctx, msg)),
      h('section.card.wide#lead-timeline', h('h2', `${t('Timeline')} (${fmtNum(profile.touchCount)})`), timelineView(profile)),
      profile.merges?.length ? h('section.card.wide#lead-merges', h('h2', t('Merges')), mergesView(profile.merges, ctx, msg)) : null));
}

function mergesView(merges, ctx, msg) {
  const undo = async (m) => {
    try { await post(`/api/merges/${m.id}/undo`); location.reload(); } catch (e) { msg.error(e); }
  };
  return table([{ label: '#', key: 'id' }, { label: t('Merge'), cell: (m) => `#${m.absorbedId} → #${m.survivorId}` },
    { label: t('Reason'), key: 'reason' }, { label: t('Actor'), key: 'actor' }, { label: t('When'), cell: (m) => fmtDate(m.mergedAt) },
    { label: '', cell: (m) => m.undoneAt ? h('span.muted', `${t('Undo')} ${fmtDate(m.undoneAt)}`)
      : ctx.can('ADMIN', 'MARKETER') ? h('button', { type: 'button', onclick: () => undo(m) }, t('Undo')) : '' }], merges);
}

function kv(pairs) {
  return h('dl.kv', pairs.filter(([, v]) => v != null && v !== '').map(([k, v]) => [h('dt', k), h('dd', v)]));
}

function profileView(lead, profile) {
  return h('div', kv([
    [t('Company'), lead.companyName], [t('Industry'), lead.industry], [t('Size'), lead.companySizeBand],
    [t('Existing customer'), lead.existingCustomer ? t('Yes') : t('No')], [t('Title'), lead.title],
    [t('Region'), [lead.region, lead.province, lead.city].filter(Boolean).join(' · ')], [t('Owner'), lead.owner],
    [t('Budget'), lead.budget], [t('Need'), lead.need], [t('Timeframe'), lead.timeframe],
    [t('Created'), fmtDate(lead.createdAt)], [t('Last touch'), fmtDate(lead.lastTouchAt)],
    [t('Completeness'), profile.completeness ? `${profile.completeness.percent}%` + (profile.completeness.missing?.length
      ? ` (${t('Missing')}: ${profile.completeness.missing.join(', ')})` : '') : null]]));
}

function scoreView(scores) {
  if (!scores?.scores?.length) return empty(t('No score yet.'));
  return h('div', scores.scores.map((sc) => h('div.score-group',
    h('div.row', h('span.big-number#score-total', fmtNum(sc.total)), badge(te(sc.band), sc.band),
      h('span.muted', `${t('Fit')} ${fmtNum(sc.fitPoints, 1)} (${t('Grade')} ${sc.fitGrade}) · ${t('Behaviour')} ${fmtNum(sc.behaviourPoints, 1)}`)),
    h('p.muted', `${t('Model')} #${sc.modelId} v${sc.modelVersion} · ${t('Group')} ${sc.group} · ${fmtDate(sc.scoredAt)}`),
    h('h3', t('Explanation')),
    table([{ label: t('Part'), cell: (l) => te(l.part) }, { label: t('Explanation'), cell: (l) => l.explanation },
      { label: t('Points'), num: true, cell: (l) => fmtNum(l.points, 1) }], sc.lines, { id: 'score-explanation' }))));
}

function identitiesView(identities) {
  if (!identities?.length) return empty('—');
  return table([{ label: t('Kind'), cell: (i) => te(i.kind) }, { label: t('Value'), key: 'value' },
    { label: t('Source'), key: 'source' }, { label: t('Created'), cell: (i) => fmtDate(i.createdAt) }], identities);
}

function tagsView(profile, ctx, msg) {
  const box = h('div.chips');
  const editable = ctx.can('ADMIN', 'MARKETER', 'SDR', 'SALES');
  const draw = (tags) => box.replaceChildren(...(tags.length ? tags.map((tg) => h('span.chip', h('span', tg.tag),
    editable ? h('button', { type: 'button', title: t('Remove'), onclick: () => change(del(`/api/leads/${profile.id}/tags/${encodeURIComponent(tg.tag)}`)) }, '×') : null))
    : [h('span.muted', '—')]));
  const change = async (call) => { try { draw(await call); msg.show(null); } catch (e) { msg.error(e); } };
  const input = h('input#new-tag', { placeholder: t('Add tag'), maxlength: 64 });
  draw(profile.tags || []);
  return h('div', box, editable ? h('form.row', { style: { marginTop: '8px' }, onsubmit: (e) => {
    e.preventDefault();
    if (input.value.trim()) change(post(`/api/leads/${profile.id}/tags`, { tag: input.value.trim() }));
    input.value = '';
  } }, input, h('button', { type: 'submit' }, t('Add tag'))) : null);
}

function consentView(id, consents, ctx, msg) {
  const list = h('div');
  const draw = (items) => list.replaceChildren(items?.length ? table([{ label: t('Purpose'), cell: (c) => te(c.purpose) },
    { label: t('Status'), cell: (c) => badge(c.granted && !c.withdrawnAt ? t('Granted') : t('Withdrawn'), c.granted && !c.withdrawnAt ? 'active' : 'failed') },
    { label: t('Source'), key: 'source' }, { label: t('Recorded'), cell: (c) => fmtDate(c.recordedAt) }], items) : empty('—'));
  draw(consents);
  if (!ctx.can('ADMIN', 'MARKETER', 'SDR', 'SALES')) return list;
  const purpose = select(PURPOSES.map((p) => [p, te(p)]), PURPOSES[0]);
  const granted = select([['true', t('Grant')], ['false', t('Withdraw')]], 'true');
  return h('div', list, h('form.row', { style: { marginTop: '8px' }, onsubmit: async (e) => {
    e.preventDefault();
    try {
      await post(`/api/leads/${id}/consents`, { purpose: purpose.value, granted: granted.value === 'true', source: 'admin-ui' });
      draw(await get(`/api/leads/${id}/consents`));
      msg.show(null);
    } catch (err) { msg.error(err); }
  } }, purpose, granted, h('button', { type: 'submit' }, t('Record consent'))));
}

function stageView(id, stage, ctx, msg) {
  if (!stage) return empty('—');
  const box = h('div');
  const draw = (st) => {
    const history = [...(st.history || [])].reverse();
    box.replaceChildren(
      h('p', t('Stage'), ': ', badge(te(st.stage)), st.reason ? h('span.muted', ` · ${te(st.reason)}`) : null,
        st.reengageAfter ? h('span.muted', ` · ${t('Re-engage after')} ${st.reengageAfter}`) : null),
      history.length ? table([{ label: t('When'), cell: (x) => fmtDate(x.at) }, { label: t('Stage'), cell: (x) => `${te(x.from)} → ${te(x.to)}` },
        { label: t('Reason'), cell: (x) => te(x.reason) }, { label: t('Actor'), key: 'actor' }, { label: t('Note'), cell: (x) => x.note ?? '' }], history, { id: 'stage-history' }) : null,
      ctx.can('ADMIN', 'MARKETER', 'SDR', 'SALES') ? moveForm(st) : null);
  };
  const moveForm = (st) => {
    const targets = NEXT[st.stage] || [];
    if (!targets.length) return null;
    const to = select(targets.map((s) => [s, te(s)]), targets.includes('RECYCLED') ? 'RECYCLED' : targets[0], { id: 'move-to' });
    const reason = select([], '', { id: 'move-reason' });
    const after = h('input#move-reengage', { type: 'date' });
    const note = h('input', { placeholder: t('Note') });
    const reasons = () => {
      const list = to.value === 'RECYCLED' ? RECYCLE_REASONS : to.value === 'DISQUALIFIED' ? DISQUALIFY_REASONS : [];
      reason.replaceChildren(...[['', '—'], ...list.map((r) => [r, te(r)])].map(([v, l]) => h('option', { value: v }, l)));
      reason.disabled = !list.length;
      after.disabled = to.value !== 'RECYCLED';
    };
    to.addEventListener('change', reasons);
    reasons();
    return h('form.form', { style: { marginTop: '10px' }, onsubmit: async (e) => {
      e.preventDefault();
      try {
        draw(await post(`/api/lifecycle/leads/${id}/transitions`, { to: to.value, reason: reason.value || null,
          reengageAfter: after.value || null, note: note.value || null }));
        msg.show(null);
      } catch (err) { msg.error(err); }
    } }, field(t('Move to stage'), to), field(t('Reason'), reason), field(t('Re-engage after'), after), field(t('Note'), note),
    h('button.primary', { type: 'submit' }, t('Move to stage')));
  };
  draw(stage);
  return box;
}

function timelineView(profile) {
  const rows = h('div#timeline');
  let page = 0;
  const size = 50;
  const touches = [];
  const more = h('button#timeline-more', { type: 'button', onclick: load }, t('Load more'));
  const draw = () => rows.replaceChildren(touches.length ? table([
    { label: t('When'), cell: (x) => fmtDate(x.occurredAt) }, { label: t('Action'), cell: (x) => te(x.action) },
    { label: t('Channel'), cell: (x) => te(x.channel) }, { label: t('Series'), cell: (x) => x.seriesId ?? '—' },
    { label: t('Details'), cell: details }], touches, { id: 'timeline-table' }) : empty('—'));
  async function load() {
    const res = await get(`/api/leads/${profile.id}/timeline`, { page, size });
    touches.push(...res.touches);
    page++;
    more.hidden = touches.length >= res.total;
    draw();
  }
  load();
  return h('div', rows, h('div.row', more));
}

function details(x) {
  const parts = [];
  if (x.contentId) parts.push(x.contentId);
  if (x.minutes != null) parts.push(`${x.minutes} min`);
  for (const [k, v] of Object.entries(x.payload || {})) if (v != null && typeof v !== 'object') parts.push(`${k}: ${v}`);
  return parts.join(' · ') || '—';
}
