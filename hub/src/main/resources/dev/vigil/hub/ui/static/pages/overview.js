// The landing page: fleet health cards (one cheap call to /api/vigil/v1/overview, refreshed every
// 15 s), targets per job, then one host's panels in the spirit of the "Node Exporter Full"
// dashboard (range queries), with container and JVM panels when the host has those metrics.
import { h, replace, table, badge, errorBox } from '../lib/dom.js';
import { num, parseDuration } from '../lib/format.js';
import { drawChart, autoResize } from '../lib/chart.js';

export const title = 'Overview';

const RANGES = ['15m', '1h', '6h', '24h', '7d'];
const REFRESH_MS = 15000;
// Filesystems that are not disks.
const NOT_DISKS = 'tmpfs|ramfs|devtmpfs|overlay|squashfs|nsfs|proc|sysfs|cgroup2?|autofs|fuse\\..*|tracefs|debugfs|securityfs|bpf|mqueue|pstore|configfs|fusectl|hugetlbfs|rpc_pipefs|binfmt_misc';

/** A label value inside a PromQL double-quoted string. */
export function promString(value) {
  return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

/** Seconds as a PromQL duration ("90s"). */
function promDuration(seconds) {
  return Math.max(1, Math.ceil(seconds)) + 's';
}

/** The step and rate window for a range: about 250 points; a window of at least 4 scrapes. */
export function resolution(rangeSeconds, scrapeSeconds) {
  const step = Math.max(1, Math.ceil(rangeSeconds / 250), Math.ceil(scrapeSeconds || 1));
  const window = Math.max(4 * (scrapeSeconds || 15), rangeSeconds / 100, 2 * step);
  return { step, window: promDuration(window) };
}

function card(key, label, value, raw, href, tone) {
  const body = [h('div', { class: 'value', text: value }), h('div', { class: 'label', text: label })];
  return h('div', { class: 'card' + (tone ? ' ' + tone : ''), dataset: { card: key, value: String(raw) } },
    href ? h('a', { href, 'data-nav': true, class: 'card-link' }, body) : body);
}

function fillCards(el, o) {
  const t = o.targets;
  const rate = o.tsdb.ingestRate;
  replace(el,
    card('up', 'targets up', `${t.up} / ${t.total}`, t.up, '/targets', t.up === t.total && t.total > 0 ? 'ok' : ''),
    card('down', t.unknown ? `targets down (${t.unknown} not scraped yet)` : 'targets down', String(t.down), t.down,
      '/targets?unhealthy=1', t.down > 0 ? 'bad' : 'ok'),
    card('firing', `alerts firing (${o.rules.pending} pending)`, String(o.rules.firing), o.rules.firing, '/alerts',
      o.rules.firing > 0 ? 'bad' : 'ok'),
    card('notified', `in Alertmanager (${o.alertmanager.suppressed} silenced or inhibited)`,
      String(o.alertmanager.active), o.alertmanager.active, '/alerts', o.alertmanager.active > 0 ? 'warn' : ''),
    card('ingest', rate === null ? 'samples/s (measuring…)'
      : `samples/s over ${Math.round(o.tsdb.ingestWindowSeconds)}s`, rate === null ? '…' : num(rate), rate ?? '',
    '/tsdb-status'),
    card('series', `head series (${num(o.tsdb.samplesAppended)} samples appended)`, num(o.tsdb.headSeries),
      o.tsdb.headSeries, '/tsdb-status'));
}

function jobsTable(jobs) {
  return table([
    { title: 'Job', cell: j => h('a', { href: '/targets?' + new URLSearchParams({ q: `job="${j.job}"` }), 'data-nav': true, text: j.job }) },
    { title: 'Up', cell: j => badge(j.up > 0 ? 'up' : 'unknown', String(j.up)) },
    { title: 'Down', cell: j => badge(j.down > 0 ? 'down' : 'unknown', String(j.down)) },
    { title: 'Not scraped yet', cell: j => String(j.unknown) },
    { title: 'Total', cell: j => String(j.total) },
  ], jobs.slice().sort((a, b) => (b.down > 0) - (a.down > 0) || a.job.localeCompare(b.job)), 'No scrape jobs configured.');
}

/** The panels for one host: [{title, unit, stacked, queries: [{expr, format}], needs}]. */
export function panels(instance, window) {
  const i = `instance=${promString(instance)}`;
  const fs = `${i}, fstype!~${promString(NOT_DISKS)}`;
  const node = [
    { title: 'CPU by mode', unit: 'percent', stacked: true, sortLast: 'idle', queries: [{ format: '{{mode}}',
      expr: `sum by (mode) (rate(node_cpu_seconds_total{${i}}[${window}])) / scalar(count(count by (cpu) (node_cpu_seconds_total{${i}})))` }] },
    { title: 'Load average', queries: [
      { expr: `node_load1{${i}}`, format: '1m' }, { expr: `node_load5{${i}}`, format: '5m' },
      { expr: `node_load15{${i}}`, format: '15m' }] },
    { title: 'Memory', unit: 'bytes', stacked: true, queries: [
      { expr: `node_memory_MemTotal_bytes{${i}} - node_memory_MemAvailable_bytes{${i}}`, format: 'used' },
      { expr: `node_memory_MemAvailable_bytes{${i}}`, format: 'available' }] },
    { title: 'Disk space used', unit: 'percent', queries: [{ format: '{{mountpoint}}',
      expr: `1 - node_filesystem_avail_bytes{${fs}} / node_filesystem_size_bytes{${fs}}` }] },
    { title: 'Disk I/O (bytes/s)', unit: 'bytes', queries: [
      { expr: `rate(node_disk_read_bytes_total{${i}}[${window}])`, format: 'read {{device}}' },
      { expr: `rate(node_disk_written_bytes_total{${i}}[${window}])`, format: 'written {{device}}' }] },
    { title: 'Network (bytes/s)', unit: 'bytes', queries: [
      { expr: `rate(node_network_receive_bytes_total{${i}, device!="lo"}[${window}])`, format: 'rx {{device}}' },
      { expr: `rate(node_network_transmit_bytes_total{${i}, device!="lo"}[${window}])`, format: 'tx {{device}}' }] },
  ];
  const containers = [
    { title: 'Container CPU (cores), top 10', queries: [{ format: '{{name}}',
      expr: `topk(10, sum by (name) (rate(container_cpu_usage_seconds_total{${i}, name!=""}[${window}])))` }] },
    { title: 'Container memory (working set), top 10', unit: 'bytes', queries: [{ format: '{{name}}',
      expr: `topk(10, sum by (name) (container_memory_working_set_bytes{${i}, name!=""}))` }] },
  ];
  const jvm = [
    { title: 'JVM memory used by area', unit: 'bytes', stacked: true, queries: [{ format: '{{area}}',
      expr: `sum by (area) (jvm_memory_used_bytes{${i}})` }] },
    { title: 'JVM GC time (s/s)', unit: 'seconds', queries: [{ format: '{{gc}}',
      expr: `sum by (gc) (rate(jvm_gc_collection_seconds_sum{${i}}[${window}]))` }] },
  ];
  return {
    node,
    optional: [
      { name: 'Containers', probe: `count(container_cpu_usage_seconds_total{${i}})`, panels: containers },
      { name: 'JVM', probe: `count(jvm_memory_used_bytes{${i}})`, panels: jvm },
    ],
  };
}

async function rangeMatrix(ctx, panel, start, end, step, signal) {
  const results = await Promise.all(panel.queries.map(q => ctx.api.queryRange(q.expr, start, end, step, signal)
    .then(d => d.result.map(s => ({ metric: Object.assign({}, s.metric, { __legend__: fmt(q.format, s.metric) }), values: s.values })))));
  let matrix = results.flat();
  if (panel.sortLast) {
    matrix = matrix.filter(s => s.metric.mode !== panel.sortLast).concat(matrix.filter(s => s.metric.mode === panel.sortLast));
  }
  return matrix;
}

function fmt(format, metric) {
  return format.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, l) => metric[l] ?? '');
}

/** Draws the panels into grid; returns a disposer for their charts. */
async function drawPanels(ctx, grid, list, range, step, signal, disposers) {
  const end = Math.floor(Date.now() / 1000);
  const start = end - range;
  await Promise.all(list.map(async panel => {
    const chart = h('div', { class: 'chart' });
    const box = h('section', { class: 'panel overview-panel', 'aria-label': panel.title, dataset: { panel: panel.title } },
      h('h3', { text: panel.title }), chart);
    grid.append(box);
    try {
      const matrix = await rangeMatrix(ctx, panel, start, end, step, signal);
      if (signal.aborted) return;
      if (!matrix.length) {
        replace(chart, h('p', { class: 'empty', text: 'No data for this host in this range.' }));
        box.dataset.state = 'empty';
        return;
      }
      const plot = drawChart(chart, matrix, { start, end, step, stacked: !!panel.stacked, unit: panel.unit || '',
        height: 220, format: '{{__legend__}}' });
      disposers.push(autoResize(plot, chart), () => plot.destroy());
      box.dataset.state = 'drawn';
    } catch (e) {
      if (signal.aborted || e.name === 'AbortError') return;
      replace(chart, errorBox(e));
      box.dataset.state = 'error';
    }
  }));
}

export async function render(root, ctx) {
  const cards = h('div', { class: 'cards', id: 'overview-cards', 'aria-live': 'polite', 'aria-busy': 'true' });
  const jobs = h('div', { id: 'overview-jobs' });
  const hostPart = h('section', { id: 'overview-host', 'aria-labelledby': 'overview-host-title' });
  replace(root, h('h1', { text: 'Overview' }), cards, h('h2', { text: 'Targets by job' }), jobs, hostPart);

  let hostKeys = null;
  let hostView = null;
  const refresh = async () => {
    let o;
    try {
      o = await ctx.api.get('/api/vigil/v1/overview', null, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted || e.name === 'AbortError') return;
      replace(cards, errorBox(e));
      return;
    }
    if (ctx.signal.aborted) return;
    fillCards(cards, o);
    cards.removeAttribute('aria-busy');
    if (!cards.dataset.loaded) cards.dataset.loaded = performance.now().toFixed(1);
    replace(jobs, jobsTable(o.jobs));
    const keys = o.hosts.map(x => x.instance + '\u0000' + x.node).join('\u0001');
    if (keys !== hostKeys) {
      hostKeys = keys;
      if (hostView) hostView.dispose();
      hostView = hostSection(hostPart, ctx, o.hosts);
    }
  };
  ctx.onCleanup(() => hostView && hostView.dispose());
  await ctx.every(REFRESH_MS, refresh);
}

/** The host and range pickers and the selected host's panels; redrawn when either changes. */
function hostSection(el, ctx, hosts) {
  let current = null;
  const dispose = () => {
    if (!current) return;
    current.abort.abort();
    current.disposers.forEach(f => { try { f(); } catch (e) { /* already gone */ } });
    current = null;
  };
  if (!hosts.length) {
    replace(el, h('h2', { id: 'overview-host-title', text: 'Hosts' }),
      h('p', { class: 'empty', text: 'No targets with an instance label.' }));
    return { dispose };
  }
  const wanted = ctx.params.get('host');
  const host = hosts.find(x => x.instance === wanted) || hosts.find(x => x.node) || hosts[0];
  const range = RANGES.includes(ctx.params.get('range')) ? ctx.params.get('range') : '1h';
  const hostSelect = h('select', { id: 'overview-host-select' },
    hosts.map(x => h('option', { value: x.instance, selected: x.instance === host.instance,
      text: x.instance + ' (' + x.job + (x.health === 'up' ? '' : ', ' + x.health) + ')' })));
  const rangeSelect = h('select', { id: 'overview-range-select' },
    RANGES.map(r => h('option', { value: r, selected: r === range, text: r })));
  const body = h('div', { id: 'overview-panels' });
  const redraw = () => {
    dispose();
    const params = Object.fromEntries(ctx.params);
    params.host = hostSelect.value;
    params.range = rangeSelect.value;
    ctx.setParams(params);
    const selected = hosts.find(x => x.instance === hostSelect.value);
    current = { abort: new AbortController(), disposers: [] };
    const signal = AbortSignal.any([ctx.signal, current.abort.signal]);
    showHost(ctx, body, selected, rangeSelect.value, signal, current.disposers)
      .catch(e => { if (!signal.aborted) body.append(errorBox(e)); });
  };
  hostSelect.addEventListener('change', redraw);
  rangeSelect.addEventListener('change', redraw);
  const refreshButton = h('button', { type: 'button', text: 'Refresh', onclick: redraw });
  replace(el, h('h2', { id: 'overview-host-title', text: 'Host' }),
    h('div', { class: 'toolbar' },
      h('label', { for: 'overview-host-select', text: 'Host' }), hostSelect,
      h('label', { for: 'overview-range-select', text: 'Range' }), rangeSelect, refreshButton),
    body);
  redraw();
  return { dispose };
}

async function showHost(ctx, body, host, range, signal, disposers) {
  body.removeAttribute('data-loaded');
  const seconds = parseDuration(range);
  const { step, window } = resolution(seconds, host.scrapeIntervalSeconds);
  const set = panels(host.instance, window);
  const grid = h('div', { class: 'grid' });
  replace(body, grid);
  const work = [];
  if (host.node) {
    work.push(drawPanels(ctx, grid, set.node, seconds, step, signal, disposers));
  } else {
    body.prepend(h('p', { class: 'muted', text: `${host.instance} does not expose node_exporter metrics; container and JVM panels show when it has those.` }));
  }
  for (const group of set.optional) {
    work.push(ctx.api.query(group.probe, undefined, signal).then(d => {
      const n = d.result.length ? parseFloat(d.result[0].value[1]) : 0;
      if (n > 0 && !signal.aborted) return drawPanels(ctx, grid, group.panels, seconds, step, signal, disposers);
      return null;
    }).catch(e => { if (!signal.aborted) grid.append(errorBox(e)); }));
  }
  await Promise.all(work);
  if (signal.aborted) return;
  if (!grid.children.length && host.node) grid.append(h('p', { class: 'empty', text: 'No panels for this host.' }));
  body.dataset.loaded = performance.now().toFixed(1);
}
