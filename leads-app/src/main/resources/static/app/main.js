// The shell: login, role-aware menu, language switch and the hash router (#/leads/42).
import { h, clear, notice } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import * as api from './api.js';

const STAFF = ['ADMIN', 'MARKETER', 'SDR', 'SALES', 'ANALYST'];

/** Menu entries: path, label, page module, roles that may open it (as the server's URL rules say). */
const PAGES = [
  { path: 'dashboard', label: 'Dashboard', module: './pages/dashboard.js', roles: ['ADMIN', 'MARKETER', 'ANALYST', 'SALES'] },
  { path: 'leads', label: 'Lead pool', module: './pages/leads.js', roles: STAFF },
  { path: 'merges', label: 'Merge review', module: './pages/merges.js', roles: ['ADMIN', 'MARKETER'] },
  { path: 'series', label: 'Campaign series', module: './pages/series.js', roles: STAFF },
  { path: 'imports', label: 'Import', module: './pages/imports.js', roles: ['ADMIN', 'MARKETER'] },
  { path: 'scoring', label: 'Scoring', module: './pages/scoring.js', roles: ['ADMIN', 'MARKETER', 'ANALYST'] },
  { path: 'sdr', label: 'SDR queue', module: './pages/sdr.js', roles: ['ADMIN', 'MARKETER', 'SDR'] },
  { path: 'outbox', label: 'Outbox', module: './pages/outbox.js', roles: ['ADMIN'] },
];

const root = document.getElementById('app');
const ctx = { me: null, roles: new Set(), can: (...roles) => roles.some((r) => ctx.roles.has(r)) };
let renderSeq = 0;

api.onUnauthorized(() => { if (ctx.me) { ctx.me = null; showLogin(); } });
window.addEventListener('hashchange', () => ctx.me && route());

start();

async function start() {
  try {
    await whoAmI();
    route();
  } catch (e) {
    if (e.status === 401) showLogin(); else root.replaceChildren(h('div.notice.error', String(e.message)));
  }
}

async function whoAmI() {
  const me = await api.request('GET', '/api/me', undefined, { quiet401: true });
  ctx.me = me;
  ctx.roles = new Set(me.authorities.filter((a) => a.startsWith('ROLE_')).map((a) => a.slice(5)));
}

function langSwitch(onChange) {
  return h('button.lang', { type: 'button', title: t('Language'), onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); onChange(); } },
    lang() === 'zh' ? 'English' : '中文');
}

function showLogin() {
  document.title = t('Log in') + ' · Leadflow';
  const msg = notice();
  const user = h('input#login-username', { name: 'username', autocomplete: 'username', required: true });
  const pass = h('input#login-password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form.login-card', {
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await api.login(user.value, pass.value);
        await whoAmI();
        route();
      } catch (e) {
        msg.show(e.status === 401 ? t('Login failed') : String(e.message), 'error');
      }
    },
  },
  h('div.brand.big', 'Leadflow'),
  h('label.field', h('span.label', t('User name')), user),
  h('label.field', h('span.label', t('Password')), pass),
  msg,
  h('div.row', h('button.primary#login-submit', { type: 'submit' }, t('Log in')), langSwitch(showLogin)));
  root.className = 'login';
  root.replaceChildren(form);
  if (new URLSearchParams(location.search).get('login') === 'failed') msg.show(t('Login failed'), 'error');
  user.focus();
}

function allowed() { return PAGES.filter((p) => p.roles.some((r) => ctx.roles.has(r))); }

function shell(active) {
  const nav = h('nav.menu#menu', allowed().map((p) => h('a', { href: '#/' + p.path, class: p.path === active ? 'active' : null, 'data-page': p.path }, t(p.label))));
  const toggle = h('button.menu-toggle', { type: 'button', 'aria-controls': 'menu', onclick: () => root.classList.toggle('menu-open') }, '☰ ' + t('Menu'));
  const top = h('header.top',
    h('a.brand', { href: '#/' }, 'Leadflow'), toggle,
    h('div.who', h('span.user#current-user', t('Signed in as {name}', { name: ctx.me.name })),
      langSwitch(route),
      h('button#logout', { type: 'button', onclick: async () => { try { await api.logout(); } catch { /* session gone anyway */ } ctx.me = null; location.hash = ''; showLogin(); } }, t('Log out'))));
  const main = h('main#page');
  root.className = 'shell';
  root.replaceChildren(top, h('div.body', nav, main));
  return main;
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const pages = allowed();
  let page = PAGES.find((p) => p.path === parts[0]);
  if (!parts.length || !page) page = pages[0];
  const main = shell(page?.path);
  if (!page || !pages.includes(page)) {
    main.append(h('h1', t('Forbidden')), h('p', t('Your role may not see this page.')));
    return;
  }
  document.title = t(page.label) + ' · Leadflow';
  const seq = ++renderSeq;
  main.append(h('p.loading', t('Loading…')));
  try {
    const mod = await import(page.module);
    if (seq !== renderSeq) return;
    clear(main);
    await mod.render(main, parts.slice(1), { ...ctx, isCurrent: () => seq === renderSeq });
    main.dataset.ready = location.hash || '#/';
  } catch (e) {
    if (seq !== renderSeq) return;
    const n = notice();
    n.error(e);
    main.replaceChildren(n);
    main.dataset.ready = location.hash || '#/';
  }
}
