// Small hand-made SVG charts; they scale with their box (viewBox), so they fit a phone screen.
import { h, s, fmtNum } from './dom.js';
import { te } from './i18n.js';

export const BAND_COLOURS = { COOL: 'var(--cool)', WARM: 'var(--warm)', HOT: 'var(--hot)' };
export const BANDS = ['COOL', 'WARM', 'HOT'];

export function legend(entries) {
  return h('div.legend', entries.map(([label, colour]) => h('span', h('i', { style: { background: colour } }), label)));
}

/** Horizontal bars: rows of {label, value, text?}; the longest bar fills the width. */
export function hbars(rows, { colour = 'var(--brand)', id } = {}) {
  const W = 600, barH = 22, gap = 8, labelW = 170;
  const max = Math.max(1, ...rows.map((r) => r.value || 0));
  const H = rows.length * (barH + gap) + gap;
  return s('svg', { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img' },
    rows.map((r, i) => {
      const y = gap + i * (barH + gap);
      const w = Math.max(2, ((r.value || 0) / max) * (W - labelW - 90));
      return s('g', {},
        s('text', { x: labelW - 6, y: y + barH / 2 + 4, 'text-anchor': 'end' }, clip(r.label, 26)),
        s('rect', { x: labelW, y, width: w, height: barH, rx: 3, fill: r.colour || colour }),
        s('text', { class: 'val', x: labelW + w + 6, y: y + barH / 2 + 4 }, r.text ?? fmtNum(r.value)));
    }));
}

/** A funnel: stages narrowing with their counts (left) and conversion to the next stage (right). */
export function funnel(stages, { id } = {}) {
  const W = 600, rowH = 30, gap = 6, labelW = 170, convW = 70, area = W - labelW - convW, mid = labelW + area / 2;
  const max = Math.max(1, ...stages.map((st) => st.count || 0));
  const H = stages.length * (rowH + gap);
  return s('svg', { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img' },
    stages.map((st, i) => {
      const w = Math.max(4, ((st.count || 0) / max) * area);
      const y = i * (rowH + gap);
      return s('g', {},
        s('text', { class: 'val', x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, `${te(st.stage)} · ${fmtNum(st.count)}`),
        s('rect', { x: mid - w / 2, y, width: w, height: rowH, rx: 4, fill: `hsl(${222 - i * 12} 65% ${48 + i * 4}%)` }),
        st.conversionToNext == null ? null
          : s('text', { x: W - 4, y: y + rowH + gap / 2 + 3, 'text-anchor': 'end' }, `↓ ${fmtNum(st.conversionToNext * 100, 1)}%`));
    }));
}

/** Stacked columns over time: days of {date, COOL, WARM, HOT}. */
export function stackedColumns(days, { id } = {}) {
  const W = 600, H = 220, left = 40, bottom = 22, top = 8;
  const totals = days.map((d) => BANDS.reduce((a, b) => a + (d[b] || 0), 0));
  const max = Math.max(1, ...totals);
  const colW = (W - left - 4) / Math.max(1, days.length);
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const every = Math.ceil(days.length / 8);
  return s('svg', { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img' },
    [0, 0.5, 1].map((f) => s('g', {},
      s('line', { x1: left, x2: W, y1: y(max * f), y2: y(max * f), stroke: '#e3e7ee' }),
      s('text', { x: left - 4, y: y(max * f) + 4, 'text-anchor': 'end' }, fmtNum(max * f)))),
    days.map((d, i) => {
      let acc = 0;
      const x = left + i * colW + 1;
      return s('g', {},
        BANDS.map((b) => {
          const v = d[b] || 0;
          const rect = s('rect', { x, y: y(acc + v), width: Math.max(1, colW - 2), height: y(acc) - y(acc + v), fill: BAND_COLOURS[b] });
          acc += v;
          return rect;
        }),
        i % every === 0 ? s('text', { x: x + colW / 2, y: H - 6, 'text-anchor': 'middle' }, String(d.date).slice(5)) : null);
    }));
}

/**
 * Grouped columns: categories × series, e.g. bands before and after a model change. {@code sqrt} scales heights by
 * the square root so that a band of 2 leads stays visible next to one of 2,000 (the labels give the counts).
 */
export function groupedColumns(categories, series, { id, sqrt = false } = {}) {
  const W = 600, H = 200, left = 10, bottom = 24, top = 16;
  const scale = sqrt ? Math.sqrt : (v) => v;
  const max = scale(Math.max(1, ...series.flatMap((se) => categories.map((c) => se.values[c] || 0))));
  const groupW = (W - left) / categories.length;
  const barW = Math.min(60, (groupW - 20) / series.length);
  const y = (v) => top + (H - top - bottom) * (1 - scale(v) / max);
  return s('svg', { class: 'chart', id, viewBox: `0 0 ${W} ${H}`, role: 'img' },
    s('line', { x1: left, x2: W, y1: y(0), y2: y(0), stroke: '#ccd3de' }),
    categories.map((c, gi) => {
      const gx = left + gi * groupW + (groupW - barW * series.length) / 2;
      return s('g', {},
        series.map((se, si) => {
          const v = se.values[c] || 0;
          const x = gx + si * barW;
          return s('g', {},
            s('rect', { x: x + 2, y: y(v), width: barW - 4, height: Math.max(0, y(0) - y(v)), fill: se.colour(c), opacity: se.opacity ?? 1 }),
            s('text', { class: 'val', x: x + barW / 2, y: y(v) - 3, 'text-anchor': 'middle' }, fmtNum(v)));
        }),
        s('text', { x: left + gi * groupW + groupW / 2, y: H - 6, 'text-anchor': 'middle' }, te(c)));
    }));
}

function clip(text, n) {
  const str = String(text ?? '');
  return str.length > n ? str.slice(0, n - 1) + '…' : str;
}
