// Import wizard: upload → preview and column mapping → series and channel → run with live progress → result.
import { h, field, select, table, empty, fmtDate, fmtNum, badge, notice, progress } from '../dom.js';
import { t, te } from '../i18n.js';
import { get, post } from '../api.js';
import { CHANNELS } from './leads.js';

const FIELDS = ['NAME', 'MOBILE', 'PHONE', 'EMAIL', 'COMPANY', 'TITLE', 'DEPARTMENT', 'INDUSTRY', 'COMPANY_SIZE', 'REGION', 'PROVINCE',
  'CITY', 'BUDGET', 'NEED', 'TIMEFRAME', 'WECHAT_UNIONID', 'WECHAT_OPENID', 'CRM_CONTACT_ID', 'OWNER', 'UTM_SOURCE', 'UTM_MEDIUM',
  'UTM_CAMPAIGN', 'NOTES'];
const STEPS = ['Upload', 'Preview & mapping', 'Series & channel', 'Run', 'Result'];
const DONE = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function render(main, params, ctx) {
  const msg = notice();
  const steps = h('ol.steps#import-steps');
  const body = h('section.card#import-step');
  const recent = h('section.card#recent-imports');
  const state = { preview: null, mapping: {}, job: null };
  main.append(h('h1', t('Import')), steps, msg, body, recent);
  upload();
  drawRecent();

  function step(n, ...content) {
    steps.replaceChildren(...STEPS.map((s, i) => h('li', { class: i === n ? 'current' : i < n ? 'done' : null }, `${i + 1}. ${t(s)}`)));
    body.dataset.step = String(n + 1);
    body.replaceChildren(h('h2', t(STEPS[n])), ...content);
  }

  function upload() {
    const file = h('input#import-file', { type: 'file', accept: '.csv,.xlsx,text/csv' });
    const encoding = select([['', t('Detect')], 'UTF-8', 'GB18030', 'GBK'], '', { id: 'import-encoding' });
    step(0, h('form.form', { onsubmit: async (e) => {
      e.preventDefault();
      if (!file.files.length) { msg.show(t('Choose a file first.'), 'error'); return; }
      const data = new FormData();
      data.append('file', file.files[0]);
      try {
        state.preview = await post('/api/imports/uploads' + (encoding.value ? '?encoding=' + encoding.value : ''), data);
        msg.show(null);
        preview();
      } catch (err) { msg.error(err); }
    } }, field(t('File (.csv or .xlsx)'), file), field(t('Encoding'), encoding),
    h('div', h('button.primary#import-upload', { type: 'submit' }, t('Upload')))));
  }

  function preview() {
    const p = state.preview;
    const proposed = Object.fromEntries((p.proposedMapping || []).map((c) => [c.index, c.field]));
    const selects = p.headers.map((hd, i) => select([['', t('Ignore')], ...FIELDS.map((f) => [f, te(f)])], proposed[i] ?? '', { id: 'map-' + i, 'aria-label': hd }));
    step(1,
      h('p.muted', `${p.filename} · ${p.format} · ${p.encoding ?? ''} · ${t('Rows')}: ${fmtNum(p.totalRows)}`),
      table([{ label: t('Column'), cell: (r) => r.header }, { label: t('Maps to'), cell: (r) => selects[r.i] },
        { label: t('Preview'), cell: (r) => p.rows.slice(0, 3).map((row) => row[r.i]).filter(Boolean).join(' | ') }],
      p.headers.map((header, i) => ({ header, i })), { id: 'import-mapping' }),
      h('div.row', { style: { marginTop: '10px' } }, h('button', { type: 'button', onclick: upload }, t('Back')),
        h('button.primary#import-next', { type: 'button', onclick: () => {
          state.mapping = Object.fromEntries(p.headers.map((hd, i) => [hd, selects[i].value || null]));
          target();
        } }, t('Next'))));
  }

  async function target() {
    const series = await get('/api/campaign-series');
    const seriesSel = select([['', '—'], ...series.map((s) => [s.id, s.name])], '', { id: 'import-series' });
    const channel = select(CHANNELS.map((c) => [c, te(c)]), 'IMPORT', { id: 'import-channel' });
    const dry = h('input#import-dry', { type: 'checkbox' });
    const strict = h('input#import-strict', { type: 'checkbox' });
    step(2, h('div.form', field(t('Campaign series'), seriesSel), field(t('Channel'), channel),
      h('label.row', dry, t('Dry run (check rows only)')),
      h('label.row', strict, t('Strict: reject a row with an invalid e-mail or phone (default: store it without that value)'))),
    h('div.row', { style: { marginTop: '10px' } }, h('button', { type: 'button', onclick: preview }, t('Back')),
      h('button.primary#import-start', { type: 'button', onclick: async () => {
        try {
          state.job = await post('/api/imports/jobs', { uploadId: state.preview.uploadId, seriesId: seriesSel.value ? Number(seriesSel.value) : null,
            channel: channel.value, dryRun: dry.checked, strict: strict.checked, mapping: state.mapping });
          msg.show(null);
          run();
        } catch (err) { msg.error(err); }
      } }, t('Start import'))));
  }

  function run() {
    const bar = progress();
    bar.id = 'import-progress';
    const rate = h('span#import-rate.muted');
    const counts = h('div.stats');
    step(3, bar, h('p', rate), counts);
    const tick = async () => {
      if (!ctx.isCurrent()) return;
      try {
        const job = state.job = await get('/api/imports/jobs/' + state.job.id);
        bar.set(job.percent, `${fmtNum(job.percent, 1)}%`);
        rate.textContent = `${fmtNum(job.read)} / ${fmtNum(job.totalRows)} · ${fmtNum(job.rowsPerSecond, 0)} ${t('rows/s')} · ${te(job.status)}`;
        counts.replaceChildren(...stats(job));
        if (DONE.includes(job.status)) { result(bar); return; }
      } catch (err) { msg.error(err); }
      setTimeout(tick, 400);
    };
    tick();
  }

  function result(bar) {
    if (!ctx.isCurrent()) return;
    const job = state.job;
    step(4, bar, h('p', badge(te(job.status), job.status),
      h('span.muted', ` ${fmtNum(job.totalRows)} ${t('Rows')} · ${fmtNum(job.rowsPerSecond, 0)} ${t('rows/s')}`),
      job.lastError ? h('span.muted', ' · ' + job.lastError) : null),
      h('div.stats#import-result', stats(job)),
      h('div.row', job.failed > 0 || job.withWarnings > 0 ? h('a#rejected-link', { href: `/api/imports/jobs/${job.id}/rejected.csv`, download: `import-${job.id}-rejected.csv` }, t('Download rejected rows and warnings (CSV)')) : null,
        h('span.spacer'), h('button#import-again', { type: 'button', onclick: () => { upload(); drawRecent(); } }, t('Import another file'))));
    drawRecent();
  }

  async function drawRecent() {
    const jobs = await get('/api/imports/jobs', { limit: 10 });
    recent.replaceChildren(h('h2', t('Recent imports')), jobs.length ? table([{ label: '#', key: 'id' },
      { label: t('Status'), cell: (j) => badge(te(j.status), j.status) }, { label: t('Created'), cell: (j) => fmtDate(j.createdAt) },
      { label: t('Rows'), num: true, cell: (j) => fmtNum(j.totalRows) }, { label: t('Stored'), num: true, cell: (j) => fmtNum(j.stored) },
      { label: t('Failed'), num: true, cell: (j) => j.failed ? h('a', { href: `/api/imports/jobs/${j.id}/rejected.csv` }, fmtNum(j.failed)) : '0' },
      { label: t('Progress'), num: true, cell: (j) => `${fmtNum(j.percent, 1)}%` }], jobs) : empty(t('No data yet.')));
  }
}

function stats(job) {
  return [['read', 'Read'], ['stored', 'Stored'], ['created', 'Created'], ['matched', 'Matched'],
    ['duplicatesInFile', 'Duplicates in file'], ['withWarnings', 'With warnings'], ['failed', 'Failed']]
    .map(([key, label]) => h('div.stat', { 'data-stat': key }, h('div.n', fmtNum(job[key])), h('div.l', t(label))));
}
