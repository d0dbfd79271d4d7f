// Explore (Prometheus' /graph): a PromQL editor with completion, the result as a table (instant
// query at an evaluation time) or a graph (range query), and the state in the URL with Prometheus'
// own parameter names (g0.expr, g0.tab, g0.range_input, g0.end_input, g0.step_input, g0.stacked), so
// an alert's generatorURL (/graph?g0.expr=...&g0.tab=1) opens here.
import { h, replace, table, labels, errorBox } from '../lib/dom.js';
import { duration, parseDuration, num } from '../lib/format.js';
import { drawChart, autoResize } from '../lib/chart.js';
import { createEditor } from '../lib/promql-editor.js';

export const title = 'Explore';

const RANGES = ['5m', '15m', '1h', '3h', '6h', '12h', '1d', '2d', '1w'];
const MAX_ROWS = 10000;
const MAX_SERIES = 1000;

/** "2024-01-02 03:04:05" (UTC, as Prometheus writes g0.end_input) for seconds since the epoch. */
export function formatTime(seconds) {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

/** Seconds since the epoch from "YYYY-MM-DD HH:mm[:ss]" (UTC), RFC 3339 or a Unix time; null for now; NaN if bad. */
export function parseTime(text) {
  const t = String(text || '').trim();
  if (!t || t === 'now') return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let iso = t.replace(' ', 'T');
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(iso)) iso += ':00';
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? NaN : ms / 1000;
}

/** Prometheus' automatic resolution: max(range / 250, 1) seconds, whole seconds. */
export function autoStep(rangeSeconds) {
  return Math.max(Math.floor(rangeSeconds / 250), 1);
}

function readState(params) {
  const range = params.get('g0.range_input') || '1h';
  const end = parseTime(params.get('g0.end_input') || params.get('g0.moment_input') || '');
  const step = Number(params.get('g0.step_input'));
  return {
    expr: params.get('g0.expr') || '',
    tab: params.get('g0.tab') === '0' ? 'graph' : 'table',
    range: Number.isFinite(parseDuration(range)) && parseDuration(range) > 0 ? range : '1h',
    end: Number.isFinite(end) ? end : null,
    step: Number.isFinite(step) && step > 0 ? step : null,
    stacked: params.get('g0.stacked') === '1' || params.get('g0.display_mode') === 'stacked',
  };
}

export async function render(root, ctx) {
  const state = readState(ctx.params);
  let running = null;
  let plot = null;
  let disposeResize = null;
  let lastMatrix = null;

  const saveState = () => {
    const p = { 'g0.expr': state.expr, 'g0.tab': state.tab === 'graph' ? '0' : '1', 'g0.stacked': state.stacked ? '1' : '0',
      'g0.range_input': state.range };
    if (state.end !== null) p['g0.end_input'] = formatTime(state.end);
    if (state.step !== null) p['g0.step_input'] = String(state.step);
    ctx.setParams(p);
  };

  const editor = createEditor({ value: state.expr, onRun: () => run() });
  const status = h('span', { class: 'muted explore-status', 'aria-live': 'polite' });
  const executeBtn = h('button', { type: 'button', class: 'primary', text: 'Execute', onclick: () => run() });
  const formatBtn = h('button', {
    type: 'button', text: 'Format', title: 'Format the expression (as promtool would)',
    onclick: async () => {
      if (!editor.value.trim()) return;
      try {
        editor.value = await ctx.api.postForm('/api/v1/format_query', { query: editor.value }, ctx.signal);
        editor.clearError();
      } catch (e) {
        if (e.name !== 'AbortError') editor.showError(e);
      }
    },
  });

  // Table tab: an evaluation time.
  const evalInput = h('input', { type: 'text', id: 'explore-eval', class: 'mono explore-time', placeholder: 'now',
    value: state.end !== null ? formatTime(state.end) : '' });
  const tableOut = h('div', { class: 'explore-table' });
  // Graph tab: range, end, resolution, stacked.
  const rangeSelect = h('select', { id: 'explore-range' },
    (RANGES.includes(state.range) ? RANGES : [state.range].concat(RANGES)).map(r => h('option', { value: r, text: r })));
  rangeSelect.value = state.range;
  const endInput = h('input', { type: 'text', id: 'explore-end', class: 'mono explore-time', placeholder: 'now',
    value: state.end !== null ? formatTime(state.end) : '' });
  const stepInput = h('input', { type: 'text', id: 'explore-step', class: 'mono explore-step',
    value: state.step !== null ? String(state.step) : '', placeholder: autoStep(parseDuration(state.range)) + 's' });
  const stacked = h('input', { type: 'checkbox', id: 'explore-stacked', checked: state.stacked });
  const graphWarn = h('div', { class: 'explore-warning', role: 'status' });
  // The query API's warnings (for either tab), above the result.
  const apiWarn = h('div', { id: 'explore-warnings', class: 'explore-warning', role: 'status' });
  const chartEl = h('div', { class: 'chart explore-chart' });
  const graphInfo = h('div', { class: 'muted explore-graph-info' });

  const setEnd = (text, from) => {
    const t = parseTime(text);
    if (Number.isNaN(t)) {
      from.setCustomValidity('Use YYYY-MM-DD HH:mm:ss (UTC), RFC 3339 or a Unix time');
      from.reportValidity();
      return false;
    }
    from.setCustomValidity('');
    state.end = t;
    const shown = t === null ? '' : formatTime(t);
    evalInput.value = shown;
    endInput.value = shown;
    return true;
  };

  const tablePanel = h('section', { id: 'explore-panel-table', role: 'tabpanel', 'aria-labelledby': 'explore-tab-table',
    class: 'panel explore-panel' },
  h('div', { class: 'toolbar' },
    h('label', { for: 'explore-eval', text: 'Evaluation time (UTC)' }), evalInput,
    h('button', { type: 'button', class: 'ghost', text: 'Now', onclick: () => { setEnd('', evalInput); run(); } })),
  tableOut);

  const graphPanel = h('section', { id: 'explore-panel-graph', role: 'tabpanel', 'aria-labelledby': 'explore-tab-graph',
    class: 'panel explore-panel' },
  h('div', { class: 'toolbar' },
    h('label', { for: 'explore-range', text: 'Range' }), rangeSelect,
    h('label', { for: 'explore-end', text: 'End (UTC)' }), endInput,
    h('button', { type: 'button', class: 'ghost', text: 'Now', onclick: () => { setEnd('', endInput); run(); } }),
    h('label', { for: 'explore-step', text: 'Resolution (s)' }), stepInput,
    h('label', { class: 'explore-check' }, stacked, ' Stacked')),
  graphWarn, chartEl, graphInfo);

  const tabs = {};
  for (const [name, text] of [['table', 'Table'], ['graph', 'Graph']]) {
    tabs[name] = h('button', {
      type: 'button', role: 'tab', id: 'explore-tab-' + name, 'aria-controls': 'explore-panel-' + name, text,
      class: 'explore-tab', onclick: () => setTab(name, true),
    });
  }
  const tablist = h('div', { role: 'tablist', class: 'explore-tabs', 'aria-label': 'Result view',
    onkeydown: e => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const next = state.tab === 'table' ? 'graph' : 'table';
      setTab(next, true);
      tabs[next].focus();
    } }, tabs.table, tabs.graph);

  replace(root,
    h('h1', { text: 'Explore' }),
    editor.el,
    h('div', { class: 'toolbar explore-actions' }, executeBtn, formatBtn,
      h('span', { class: 'muted', text: 'Shift+Enter runs; Ctrl+Space completes' }), status),
    tablist, apiWarn, tablePanel, graphPanel);

  function setTab(name, andRun) {
    state.tab = name;
    for (const [n, b] of Object.entries(tabs)) {
      b.setAttribute('aria-selected', String(n === name));
      b.tabIndex = n === name ? 0 : -1;
    }
    tablePanel.hidden = name !== 'table';
    graphPanel.hidden = name !== 'graph';
    if (andRun) run();
  }

  function destroyPlot() {
    if (disposeResize) disposeResize();
    if (plot) plot.destroy();
    plot = null;
    disposeResize = null;
  }
  ctx.onCleanup(destroyPlot);
  ctx.onCleanup(() => { if (running) running.abort(); });

  async function run() {
    state.expr = editor.value;
    saveState();
    editor.clearError();
    replace(apiWarn);
    if (running) running.abort();
    const abort = new AbortController();
    running = abort;
    if (!state.expr.trim()) {
      status.textContent = '';
      replace(tableOut, h('p', { class: 'empty', text: 'Enter an expression and press Execute.' }));
      destroyPlot();
      replace(chartEl);
      replace(graphInfo);
      replace(graphWarn);
      return;
    }
    executeBtn.disabled = true;
    status.textContent = 'Loading…';
    const began = performance.now();
    try {
      if (state.tab === 'table') await runTable(abort.signal, began);
      else await runGraph(abort.signal, began);
    } catch (e) {
      if (e.name === 'AbortError' || abort.signal.aborted) return;
      status.textContent = '';
      if (e.type === 'bad_data') {
        editor.showError(e);
        replace(tableOut);
        destroyPlot();
        replace(chartEl);
        replace(graphInfo);
      } else if (state.tab === 'table') replace(tableOut, errorBox(e));
      else { destroyPlot(); replace(chartEl, errorBox(e)); replace(graphInfo); }
    } finally {
      if (running === abort) executeBtn.disabled = false;
    }
  }

  function showWarnings(warnings) {
    replace(apiWarn, warnings && warnings.length ? h('ul', { class: 'explore-warnings' },
      warnings.map(w => h('li', { text: 'Warning: ' + w }))) : null);
  }

  async function runTable(signal, began) {
    const data = await ctx.api.query(state.expr, state.end ?? undefined, signal);
    const loaded = performance.now() - began;
    showWarnings(data.warnings);
    const { resultType, result } = data;
    let rows;
    let columns;
    if (resultType === 'scalar' || resultType === 'string') {
      rows = [{ name: resultType, value: result[1] }];
      columns = [{ title: 'Series', cell: r => h('span', { class: 'mono', text: r.name }) },
        { title: 'Value', cell: r => h('span', { class: 'mono value', text: r.value }) }];
    } else if (resultType === 'matrix') {
      rows = result;
      columns = [{ title: 'Series', cell: r => labels(r.metric) },
        { title: 'Values', cell: r => h('div', { class: 'mono value explore-values' },
          r.values.map(([t, v]) => h('div', { text: `${v} @${t}` }))) }];
    } else {
      rows = result;
      columns = [{ title: 'Series', cell: r => labels(r.metric) },
        { title: 'Value', cell: r => h('span', { class: 'mono value', text: r.value[1] }) }];
    }
    const shown = rows.slice(0, MAX_ROWS);
    replace(tableOut,
      rows.length > MAX_ROWS ? h('p', { class: 'explore-warning', text: `Showing the first ${MAX_ROWS} of ${rows.length} series.` }) : null,
      table(columns, shown, 'Empty query result'));
    const count = resultType === 'scalar' || resultType === 'string' ? 1 : result.length;
    status.textContent = `Load time: ${Math.round(loaded)} ms · Result series: ${count}`;
    status.dataset.series = String(count);
  }

  async function runGraph(signal, began) {
    const range = parseDuration(state.range);
    const end = state.end ?? Math.floor(Date.now() / 1000);
    const auto = autoStep(range);
    stepInput.placeholder = auto + 's';
    const step = state.step ?? auto;
    const start = end - range;
    const data = await ctx.api.queryRange(state.expr, start, end, step, signal);
    const loaded = performance.now() - began;
    showWarnings(data.warnings);
    if (data.resultType !== 'matrix') throw new Error('unexpected result type ' + data.resultType);
    lastMatrix = { matrix: data.result, start, end, step };
    status.textContent = `Load time: ${Math.round(loaded)} ms · Resolution: ${duration(step)} · Result series: ${data.result.length}`;
    status.dataset.series = String(data.result.length);
    await draw();
  }

  /** Draws the last range result; the time includes uPlot's deferred paint (it commits in a microtask). */
  async function draw() {
    if (!lastMatrix) return;
    const { matrix, start, end, step } = lastMatrix;
    destroyPlot();
    replace(graphWarn);
    replace(graphInfo);
    if (!matrix.length) {
      replace(chartEl, h('p', { class: 'empty', text: 'Empty query result' }));
      return;
    }
    const drawn = matrix.length > MAX_SERIES ? matrix.slice(0, MAX_SERIES) : matrix;
    if (matrix.length > MAX_SERIES) {
      replace(graphWarn, h('p', { class: 'explore-warning', role: 'alert',
        text: `The query returned ${matrix.length} series: only the first ${MAX_SERIES} are drawn. Aggregate or filter it.` }));
    }
    const t0 = performance.now();
    const mine = drawChart(chartEl, drawn, { start, end, step, stacked: state.stacked, height: 420 });
    plot = mine;
    await new Promise(resolve => setTimeout(resolve, 0));
    const ms = performance.now() - t0;
    if (plot !== mine) return; // redrawn meanwhile
    disposeResize = autoResize(plot, chartEl);
    chartEl.dataset.renderMs = ms.toFixed(1);
    chartEl.dataset.series = String(drawn.length);
    replace(graphInfo, `${matrix.length} series · ${num(drawn.reduce((n, s) => n + s.values.length, 0))} points · drawn in ${ms.toFixed(1)} ms`,
      drawn.length > 60 ? ' · legend hidden above 60 series; hover the chart for the time' : '');
  }

  evalInput.addEventListener('change', () => { if (setEnd(evalInput.value, evalInput)) run(); });
  endInput.addEventListener('change', () => { if (setEnd(endInput.value, endInput)) run(); });
  rangeSelect.addEventListener('change', () => {
    state.range = rangeSelect.value;
    stepInput.placeholder = autoStep(parseDuration(state.range)) + 's';
    run();
  });
  stepInput.addEventListener('change', () => {
    const text = stepInput.value.trim();
    const v = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text);
    if (text && !(v > 0)) {
      stepInput.setCustomValidity('A number of seconds or a duration like 30s');
      stepInput.reportValidity();
      return;
    }
    stepInput.setCustomValidity('');
    state.step = text ? v : null;
    run();
  });
  stacked.addEventListener('change', () => {
    state.stacked = stacked.checked;
    saveState();
    draw();
  });

  setTab(state.tab, false);
  if (state.expr.trim()) await run();
  else {
    replace(tableOut, h('p', { class: 'empty', text: 'Enter an expression and press Execute.' }));
    editor.focus();
  }
}
