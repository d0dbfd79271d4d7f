// Status: the loaded configuration, flags, build and runtime information, the built-in
// Alertmanager, TSDB cardinality, and the WAL and blocks on disk. /config, /flags and
// /tsdb-status show this page scrolled to their section.
import { h, replace, table, errorBox } from '../lib/dom.js';
import { num, bytes, duration, time } from '../lib/format.js';

export const title = 'Status';

const SECTIONS = [
  ['status-build', 'Build and runtime', null],
  ['status-config', 'Configuration', '/config'],
  ['status-flags', 'Flags', '/flags'],
  ['status-alertmanager', 'Alertmanager', null],
  ['status-tsdb', 'TSDB cardinality', '/tsdb-status'],
  ['status-storage', 'WAL and blocks', null],
];
const BY_PATH = { '/config': 'status-config', '/flags': 'status-flags', '/tsdb-status': 'status-tsdb' };

function keyValues(obj, id) {
  const keys = Object.keys(obj || {});
  return h('table', { class: 'kv', id },
    h('tbody', null, keys.map(k => h('tr', { dataset: { key: k } }, h('th', { scope: 'row', text: k }),
      h('td', { class: 'mono', text: typeof obj[k] === 'object' ? JSON.stringify(obj[k]) : String(obj[k]) })))));
}

function card(label, value, stat, small) {
  return h('div', { class: 'card', dataset: { stat } }, h('div', { class: small ? 'value small' : 'value', text: value }), h('div', { class: 'label', text: label }));
}

function entryTable(title, entries, unit) {
  return h('div', { class: 'panel', dataset: { table: title } }, h('h3', { text: title }),
    table([{ title: 'Name', cell: e => h('span', { class: 'mono', text: e.name }) },
      { title: unit === 'bytes' ? 'Bytes' : 'Count', cell: e => (unit === 'bytes' ? bytes(e.value) : String(e.value)) }],
    entries || [], 'None.'));
}

export async function render(root, ctx) {
  const hosts = {};
  const toc = h('nav', { class: 'toolbar toc', 'aria-label': 'Sections' });
  root.append(h('h1', { text: 'Status' }), toc);
  for (const [id, label, path] of SECTIONS) {
    const link = h('a', { href: path || '/status#' + id, text: label });
    link.addEventListener('click', e => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.replaceState(null, '', path || '/status');
      document.getElementById(id)?.scrollIntoView({ block: 'start' });
    });
    toc.append(link);
    hosts[id] = h('div', { class: 'section-body' }, h('p', { class: 'muted', text: 'Loading…' }));
    root.append(h('section', { id, class: 'status-section', 'aria-labelledby': id + '-title' },
      h('h2', { id: id + '-title', text: label }), hosts[id]));
  }

  const get = (path, params) => ctx.api.get(path, params, ctx.signal);
  const fill = async (id, fn) => {
    try {
      replace(hosts[id], ...[].concat(await fn()));
    } catch (e) {
      if (e.name === 'AbortError' || ctx.signal.aborted) return;
      replace(hosts[id], errorBox(e));
    }
  };

  await Promise.all([
    fill('status-build', async () => {
      const [build, runtime] = await Promise.all([get('/api/v1/status/buildinfo'), get('/api/v1/status/runtimeinfo')]);
      return h('div', { class: 'grid' },
        h('div', { class: 'panel' }, h('h3', { text: 'Build information' }), keyValues(build, 'status-buildinfo')),
        h('div', { class: 'panel' }, h('h3', { text: 'Runtime information' }), keyValues(runtime, 'status-runtimeinfo')));
    }),
    fill('status-config', async () => {
      const config = await get('/api/v1/status/config');
      return [h('p', { class: 'muted', text: 'As loaded, with secrets shown as <secret>.' }), h('pre', { id: 'status-config-yaml', text: config.yaml })];
    }),
    fill('status-flags', async () => {
      const flags = await get('/api/v1/status/flags');
      const filter = h('input', { type: 'search', placeholder: 'Filter flags', 'aria-label': 'Filter flags', id: 'status-flags-filter' });
      const names = Object.keys(flags).sort();
      const body = h('div');
      const draw = () => {
        const q = filter.value.trim().toLowerCase();
        replace(body, table([
          { title: 'Flag', cell: n => h('span', { class: 'mono', text: '--' + n }) },
          { title: 'Value', cell: n => h('span', { class: 'mono', text: flags[n] }) },
        ], names.filter(n => !q || n.toLowerCase().includes(q) || String(flags[n]).toLowerCase().includes(q)), 'No flag matches.'));
        const t = body.querySelector('table');
        if (t) t.id = 'status-flags-table';
      };
      filter.addEventListener('input', draw);
      draw();
      return [h('div', { class: 'toolbar' }, filter), body];
    }),
    fill('status-alertmanager', async () => {
      const s = await get('/api/v2/status');
      const cluster = s.cluster || {};
      const v = s.versionInfo || {};
      return [
        h('div', { class: 'cards' },
          card('Cluster', cluster.status || 'unknown', 'cluster'),
          card('Peers', String((cluster.peers || []).length), 'peers'),
          card('Up since', time(s.uptime), 'uptime', true),
          card('Version', v.version || '', 'version')),
        h('details', null, h('summary', { text: 'Alertmanager configuration (secrets shown as <secret>)' }),
          h('pre', { id: 'status-am-config', text: (s.config && s.config.original) || '' })),
      ];
    }),
    fill('status-tsdb', async () => {
      const t = await get('/api/v1/status/tsdb');
      const hs = t.headStats || {};
      return [
        h('div', { class: 'cards', id: 'status-head-stats' },
          card('Head series', String(hs.numSeries), 'numSeries'),
          card('Label pairs', String(hs.numLabelPairs), 'numLabelPairs'),
          card('Chunks', String(hs.chunkCount), 'chunkCount'),
          card('Oldest sample', hs.minTime ? time(hs.minTime) : '-', 'minTime', true),
          card('Newest sample', hs.maxTime ? time(hs.maxTime) : '-', 'maxTime', true)),
        h('div', { class: 'grid' },
          entryTable('Top metrics by series', t.seriesCountByMetricName),
          entryTable('Top label pairs by series', t.seriesCountByLabelValuePair),
          entryTable('Label names by value count', t.labelValueCountByLabelName),
          entryTable('Label names by memory', t.memoryInBytesByLabelName, 'bytes')),
      ];
    }),
    fill('status-storage', async () => {
      const s = await get('/api/vigil/v1/storage');
      return [
        h('div', { class: 'cards', id: 'status-storage-cards' },
          card('Data directory', bytes(s.dirBytes), 'dirBytes'),
          card('WAL size', bytes(s.wal.bytes), 'walBytes'),
          card('WAL segments', String(s.wal.segments), 'walSegments'),
          card('Blocks', String(s.blocks.length), 'blocks'),
          card('Blocks size', bytes(s.blocksBytes), 'blocksBytes'),
          card('Head series', num(s.head.numSeries), 'headSeries')),
        h('p', { class: 'muted mono', text: s.dir }),
        table([
          { title: 'ULID', cell: b => h('span', { class: 'mono', text: b.ulid }) },
          { title: 'Min time', cell: b => time(b.minTime) },
          { title: 'Max time', cell: b => time(b.maxTime) },
          { title: 'Span', cell: b => duration((b.maxTime - b.minTime) / 1000) },
          { title: 'Series', cell: b => num(b.numSeries) },
          { title: 'Samples', cell: b => num(b.numSamples) },
          { title: 'Chunks', cell: b => num(b.numChunks) },
          { title: 'Level', cell: b => String(b.level) },
          { title: 'Size', cell: b => bytes(b.bytes) },
        ], s.blocks, 'No block persisted yet: everything is in the head and the WAL.'),
      ];
    }),
  ]);

  const target = BY_PATH[location.pathname];
  if (target && !ctx.signal.aborted) document.getElementById(target)?.scrollIntoView({ block: 'start' });
}
