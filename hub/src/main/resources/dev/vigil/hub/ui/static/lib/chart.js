// Time-series charts over uPlot (from npm at build time, served by the hub): a range query's
// matrix becomes aligned columns, optionally stacked, with a live legend (values at the cursor).
import { num } from './format.js';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#3b8beb', '#f0a30a', '#5cb85c', '#e55353', '#a77bd8', '#c49c94'];

/** The color of series i. */
export function color(i) {
  return PALETTE[i % PALETTE.length];
}

/** A series' legend name: {{__name__}}{a="b"} or the labels given in a format like "{{instance}}". */
export function seriesName(metric, format) {
  if (format) return format.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, l) => metric[l] ?? '');
  const name = metric.__name__ || '';
  const rest = Object.keys(metric).filter(k => k !== '__name__').sort().map(k => `${k}="${metric[k]}"`);
  return rest.length ? `${name}{${rest.join(', ')}}` : name || '{}';
}

/**
 * Aligns a matrix ([{metric, values: [[t, "v"], ...]}]) on the step grid from start to end:
 * [[t...], [v...], ...] with null for a missing point; stacked sums series in order.
 */
export function align(matrix, start, end, step, stacked) {
  const n = Math.max(1, Math.floor((end - start) / step) + 1);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = start + i * step;
  const cols = [xs];
  let below = null;
  for (const s of matrix) {
    const ys = new Array(n).fill(null);
    for (const [t, v] of s.values) {
      const i = Math.round((t - start) / step);
      if (i >= 0 && i < n) ys[i] = parseFloat(v);
    }
    if (stacked) {
      for (let i = 0; i < n; i++) {
        if (ys[i] !== null && below) ys[i] += below[i] ?? 0;
      }
      below = ys.map((y, i) => (y === null ? (below ? below[i] : null) : y));
    }
    cols.push(ys);
  }
  return cols;
}

function themeColors() {
  const css = getComputedStyle(document.documentElement);
  return { fg: css.getPropertyValue('--muted').trim() || '#888', grid: css.getPropertyValue('--line').trim() || '#ddd' };
}

/**
 * Draws a range query's result into el; returns the uPlot (destroy() it when the page goes).
 * opts: {start, end, step, stacked, unit: 'bytes'|'percent'|'seconds'|'', height, format, title}
 */
export function drawChart(el, matrix, opts) {
  const { start, end, step, stacked = false, height = 260, format, unit = '' } = opts;
  const data = align(matrix, start, end, step, stacked);
  const theme = themeColors();
  const fmt = v => (v === null || v === undefined ? '' : unitFormat(v, unit));
  const axis = { stroke: theme.fg, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  const series = [{}].concat(matrix.map((s, i) => ({
    label: seriesName(s.metric, format),
    stroke: color(i),
    width: 1.5,
    fill: stacked ? color(i) + '55' : undefined,
    value: (u, v) => fmt(v),
    spanGaps: false,
  })));
  const width = Math.max(300, el.clientWidth || 600);
  el.replaceChildren();
  // eslint-disable-next-line no-undef
  return new uPlot({
    width, height, title: opts.title, series,
    axes: [Object.assign({}, axis), Object.assign({ values: axisValues(unit), size: axisWidth }, axis)],
    legend: { live: true, show: matrix.length <= 60 },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true } },
  }, data, el);
}

/** The y axis' width: its longest tick label at about 7 px a character, at least 50 px. */
function axisWidth(u, values) {
  if (!values || !values.length) return 50;
  return Math.max(50, Math.max(...values.map(v => String(v).length)) * 7 + 18);
}

/**
 * Tick labels in the unit with as many significant digits as it takes to tell them apart (a disk
 * at 69.41-69.43% gets "69.41%, 69.42%, 69.43%", not three "69.4%").
 */
function axisValues(unit) {
  return (u, vals) => {
    for (let digits = 3; digits <= 10; digits++) {
      const out = vals.map(v => (v === null ? '' : unitFormat(v, unit, digits)));
      if (new Set(out).size === out.length) return out;
    }
    return vals.map(v => (v === null ? '' : unitFormat(v, unit, 10)));
  };
}

/** A value in the chart's unit, with `digits` (3) significant digits. */
export function unitFormat(v, unit, digits = 3) {
  switch (unit) {
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let i = 0;
      let x = v;
      while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i++; }
      return Number(x.toPrecision(digits)) + ' ' + units[i];
    }
    case 'percent': return Number((v * 100).toPrecision(digits)) + '%';
    case 'seconds': return Number(v.toPrecision(digits)) + 's';
    default: return num(v, digits);
  }
}

/** Redraws charts at their container's width when the window changes size. */
export function autoResize(plot, el) {
  const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(300, el.clientWidth), height: plot.height }));
  ro.observe(el);
  return () => ro.disconnect();
}
