// Tiny DOM helpers: h() builds elements, fmt* format values for people.
import { t, lang } from './i18n.js';

/** h('div.card#x', {onclick, ...attrs}, ...children): children may be strings, nodes, arrays, null. */
export function h(tag, attrs, ...children) {
  const [, name = 'div', rest = ''] = /^([a-z0-9]*)(.*)$/i.exec(tag);
  const el = document.createElement(name || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className += ' ' + v;
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** An SVG element (charts). */
export function s(name, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}

export const clear = (el) => { el.replaceChildren(); return el; };

export function fmtDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function fmtDay(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleDateString(lang() === 'zh' ? 'zh-CN' : 'en-GB');
}

export function fmtNum(n, digits = 0) {
  if (n == null || n === '' || Number.isNaN(Number(n))) return '—';
  return Number(n).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export const fmtPct = (x, digits = 0) => (x == null ? '—' : fmtNum(x * 100, digits) + '%');

/** A table; on phones each row becomes a block of label: value lines (the page itself never scrolls sideways). */
export function table(columns, rows, opts = {}) {
  const thead = h('thead', h('tr', columns.map((c) => h('th', { class: c.num ? 'num' : null }, c.label))));
  const tbody = h('tbody', rows.map((r, i) => h('tr', { class: opts.rowClass?.(r), onclick: opts.onRow ? () => opts.onRow(r) : null,
    tabindex: opts.onRow ? 0 : null, 'data-id': r.id ?? null },
    columns.map((c) => h('td', { class: c.num ? 'num' : null, 'data-label': c.label }, c.cell ? c.cell(r, i) : r[c.key] ?? '—')))));
  return h('div.table-wrap', h('table.stack' + (opts.onRow ? '.clickable' : ''), { id: opts.id }, thead, tbody));
}

export function empty(text) { return h('div.empty', text); }

export function badge(text, kind) { return h('span.badge' + (kind ? '.' + String(kind).toLowerCase() : ''), text); }

export function field(label, control, hint) {
  return h('label.field', h('span.label', label), control, hint ? h('span.hint', hint) : null);
}

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v ?? '', selected: String(v ?? '') === String(value ?? '') }, text);
  }));
}

/** A status line that shows errors (problem details) and notices. */
export function notice() {
  const el = h('div.notice', { role: 'status', hidden: true });
  el.show = (msg, kind = 'info') => { el.hidden = !msg; el.className = 'notice ' + kind; el.replaceChildren(...(Array.isArray(msg) ? msg : [msg || ''])); };
  el.error = (e) => el.show(problemText(e), 'error');
  return el;
}

export function problemText(e) {
  const p = e?.problem;
  if (!p) return String(e?.message || e);
  const lines = [h('strong', p.title || t('Error')), p.detail ? ': ' + p.detail : ''];
  for (const f of p.errors || []) lines.push(h('div', `${f.field}: ${f.message}`));
  return lines;
}

/** A progress bar; set(percent, text). */
export function progress() {
  const fill = h('div.fill');
  const label = h('span.plabel');
  const el = h('div.progress', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, fill, label);
  el.set = (pct, text) => {
    const v = Math.max(0, Math.min(100, pct || 0));
    fill.style.width = v + '%';
    el.setAttribute('aria-valuenow', String(Math.round(v)));
    label.textContent = text ?? Math.round(v) + '%';
  };
  el.set(0);
  return el;
}
