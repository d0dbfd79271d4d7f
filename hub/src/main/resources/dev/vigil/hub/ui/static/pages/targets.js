// Targets: every scrape pool (job) with its targets' health, labels before and after relabeling,
// last scrape and error (TLS and authentication failures spelled out), the service discovery
// mechanisms that feed it, and on demand the targets relabeling dropped.
import { h, replace, badge, labels, errorBox } from '../lib/dom.js';
import { ago, duration } from '../lib/format.js';

export const title = 'Targets';

const REFRESH_MS = 10000;

/** A scrape error in plain words: {kind, text, hint}; kind is 'tls', 'auth' or '' (as it is). */
export function explainError(message) {
  const m = String(message || '');
  if (!m) return { kind: '', text: '', hint: '' };
  const status = /server returned HTTP status (40[13])\b/.exec(m) || /\bHTTP (40[13])\b/.exec(m);
  if (status) {
    return {
      kind: 'auth',
      text: `Authentication failed (HTTP ${status[1]}): check basic_auth/authorization`,
      hint: status[1] === '403'
        ? 'The target knows the credentials but refuses them access (wrong user or role?).'
        : 'The target wants credentials the scrape config does not send, or sends wrong ones.',
      raw: m,
    };
  }
  if (/x509|certificate|tls:|tls handshake|handshake|PKIX|SSL/i.test(m)) {
    let hint = 'Check tls_config (ca_file, cert_file/key_file, server_name) and the target\'s certificate.';
    if (/unknown authority|PKIX|certification path/i.test(m)) hint = 'The certificate is not signed by a CA the hub trusts: set tls_config.ca_file to the issuing CA.';
    else if (/not valid for|subject alternative|doesn't contain any IP SANs/i.test(m)) hint = 'The certificate does not name this host: scrape by the name it was issued for, or set tls_config.server_name.';
    else if (/expired|not yet valid/i.test(m)) hint = 'The certificate is outside its validity period: renew it (or check the clocks).';
    else if (/terminated the handshake|wrong version number|unrecognized SSL message|first record does not look like/i.test(m)) hint = 'The target may not speak TLS on this port: check the job\'s scheme (http or https) and the port.';
    else if (/bad certificate|certificate required/i.test(m)) hint = 'The target wants a client certificate: set tls_config.cert_file and key_file.';
    return { kind: 'tls', text: 'TLS: ' + m, hint, raw: m };
  }
  if (/HTTP response to HTTPS client/i.test(m)) {
    return { kind: 'tls', text: 'TLS: ' + m, hint: 'The target speaks plain HTTP: set scheme: http for this job.', raw: m };
  }
  return { kind: '', text: m, hint: '' };
}

function matches(target, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  if (String(target.scrapeUrl).toLowerCase().includes(t)) return true;
  for (const [k, v] of Object.entries(target.labels || {})) {
    if (`${k}="${v}"`.toLowerCase().includes(t)) return true;
  }
  return false;
}

function errorCell(lastError) {
  if (!lastError) return h('span', { class: 'muted', text: '' });
  const e = explainError(lastError);
  return h('div', { class: 'target-error' + (e.kind ? ' ' + e.kind : '') },
    h('span', { class: 'error', text: e.text }),
    e.hint ? h('div', { class: 'muted', text: e.hint }) : null,
    e.kind === 'auth' ? h('div', { class: 'muted mono', text: e.raw }) : null);
}

// which targets' discovered labels are expanded, kept across refreshes
const openDiscovered = new Set();

function endpointCell(t) {
  const key = t.scrapePool + ' ' + t.scrapeUrl;
  const details = h('details', { class: 'discovered', open: openDiscovered.has(key) },
    h('summary', { class: 'muted', text: 'Discovered labels' }),
    labels(t.discoveredLabels));
  details.addEventListener('toggle', () => { if (details.open) openDiscovered.add(key); else openDiscovered.delete(key); });
  return h('div', null,
    h('a', { href: t.scrapeUrl, class: 'mono endpoint', rel: 'noopener noreferrer', target: '_blank', text: t.scrapeUrl }),
    details);
}

function sourceText(s) {
  const d = s.details || {};
  switch (s.mechanism) {
    case 'static_configs': return `static_configs: ${d.groups} group(s), ${d.targets} address(es)`;
    case 'file_sd_configs': return `file_sd_configs: ${(d.files || []).join(', ')} (refresh ${d.refreshInterval})`;
    case 'http_sd_configs': return `http_sd_configs: ${d.url} (refresh ${d.refreshInterval}${d.auth ? ', ' + d.auth : ''}${d.tls ? ', ' + d.tls : ''})`;
    case 'dns_sd_configs': return `dns_sd_configs: ${(d.names || []).join(', ')} (${d.type}${d.port ? ', port ' + d.port : ''}, refresh ${d.refreshInterval})`;
    case 'kubernetes_sd_configs': return `kubernetes_sd_configs: role ${d.role}, namespaces ${(d.namespaces || []).join(', ')}, API ${d.apiServer}`;
    case 'vigil_sd': return 'vigil_sd: exporters announcing themselves to the hub';
    default: return s.mechanism;
  }
}

function sourcesList(pool) {
  if (!pool || !pool.sources || !pool.sources.length) return null;
  return h('div', { class: 'sources' },
    h('span', { class: 'muted', text: 'Discovery: ' }),
    h('ul', { class: 'sources-list' }, pool.sources.map(s => h('li', { dataset: { mechanism: s.mechanism } },
      h('span', { class: 'mono', text: sourceText(s) }),
      ' ',
      h('span', { class: 'muted', text: `→ ${s.active} active (${s.up} up), ${s.dropped} dropped${s.shared ? ' (shared with another config of this role)' : ''}` }),
      s.details && s.details.targetsPerFile && Object.keys(s.details.targetsPerFile).length
        ? h('ul', null, Object.entries(s.details.targetsPerFile).map(([f, n]) => h('li', { class: 'mono muted', text: `${f}: ${n} target(s)` })))
        : null))));
}

export async function render(root, ctx) {
  const params = ctx.params;
  const state = {
    q: params.get('q') || '',
    unhealthy: params.get('unhealthy') === '1',
    collapsed: new Set((params.get('collapsed') || '').split(',').filter(Boolean)),
    dropped: params.get('dropped') === '1',
  };
  const save = () => {
    const p = {};
    if (state.q) p.q = state.q;
    if (state.unhealthy) p.unhealthy = '1';
    if (state.collapsed.size) p.collapsed = [...state.collapsed].join(',');
    if (state.dropped) p.dropped = '1';
    ctx.setParams(p);
  };

  const filter = h('input', { type: 'search', id: 'targets-filter', value: state.q, placeholder: 'endpoint or label="value"', size: 32 });
  const unhealthy = h('input', { type: 'checkbox', id: 'targets-unhealthy', checked: state.unhealthy });
  const droppedButton = h('button', { type: 'button', id: 'show-dropped', text: state.dropped ? 'Hide dropped targets' : 'Show dropped targets' });
  const expandAll = h('button', { type: 'button', class: 'ghost', text: 'Expand all' });
  const collapseAll = h('button', { type: 'button', class: 'ghost', text: 'Collapse all' });
  const summary = h('p', { class: 'muted', id: 'targets-summary' });
  const list = h('div', { id: 'pools' });
  const droppedBox = h('section', { id: 'dropped', class: 'panel', hidden: !state.dropped });

  root.append(
    h('h1', { text: 'Targets' }),
    h('div', { class: 'toolbar' },
      h('label', { for: 'targets-filter', text: 'Filter' }), filter,
      h('label', null, unhealthy, ' Only unhealthy'),
      expandAll, collapseAll, droppedButton),
    summary, list, droppedBox);

  let data = { activeTargets: [] };
  let discovery = null;
  let loadError = null;

  function draw() {
    const pools = new Map();
    for (const t of data.activeTargets || []) {
      if (!pools.has(t.scrapePool)) pools.set(t.scrapePool, []);
      pools.get(t.scrapePool).push(t);
    }
    // pools from the config (discovery) too, so an empty pool shows with its sources
    const sourcesByJob = new Map();
    for (const p of (discovery && discovery.pools) || []) {
      sourcesByJob.set(p.job, p);
      if (!pools.has(p.job)) pools.set(p.job, []);
    }
    const all = data.activeTargets || [];
    const up = all.filter(t => t.health === 'up').length;
    summary.textContent = `${all.length} target(s) in ${pools.size} scrape pool(s), ${up} up, ${all.length - up} not up.`;
    const sections = [];
    for (const [job, targets] of pools) {
      const upCount = targets.filter(t => t.health === 'up').length;
      const shown = targets.filter(t => matches(t, state.q) && (!state.unhealthy || t.health !== 'up'));
      if ((state.q || state.unhealthy) && !shown.length) continue;
      const details = h('details', { class: 'pool', open: !state.collapsed.has(job), dataset: { job } },
        h('summary', null,
          h('h2', { class: 'pool-title' }, job, ' ',
            h('span', { class: 'pool-count ' + (upCount === targets.length ? 'ok' : 'bad'), text: `(${upCount}/${targets.length} up)` }))),
        sourcesList(sourcesByJob.get(job)),
        table([
          { title: 'Endpoint', cell: endpointCell },
          { title: 'State', cell: t => badge(t.health || 'unknown') },
          { title: 'Labels', cell: t => labels(t.labels) },
          { title: 'Last scrape', cell: t => h('span', { title: t.lastScrape, text: ago(t.lastScrape) }) },
          { title: 'Scrape duration', cell: t => (t.lastScrapeDuration > 0 ? duration(t.lastScrapeDuration) : '') },
          { title: 'Error', cell: t => errorCell(t.lastError) },
        ], shown, targets.length ? 'No target matches the filter.' : 'No targets in this pool.'));
      details.addEventListener('toggle', () => {
        if (details.open) state.collapsed.delete(job); else state.collapsed.add(job);
        save();
      });
      sections.push(details);
    }
    replace(list,
      loadError ? errorBox(loadError) : null,
      sections.length ? sections : h('p', { class: 'empty', text: all.length ? 'No target matches the filter.' : 'No targets are configured.' }));
  }

  function table(columns, rows, empty) {
    if (!rows.length) return h('p', { class: 'empty', text: empty });
    return h('table', { class: 'targets' },
      h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col', text: c.title })))),
      h('tbody', null, rows.map(r => h('tr', { class: 'target', dataset: { health: r.health } },
        columns.map(c => h('td', null, c.cell(r)))))));
  }

  async function loadDropped() {
    replace(droppedBox, h('h2', { text: 'Dropped targets' }), h('p', { class: 'muted', text: 'Loading…' }));
    try {
      const d = await ctx.api.get('/api/v1/targets', { state: 'dropped' }, ctx.signal);
      const dropped = d.droppedTargets || [];
      const shown = dropped.filter(t => !state.q || Object.entries(t.discoveredLabels || {})
        .some(([k, v]) => `${k}="${v}"`.toLowerCase().includes(state.q.toLowerCase())));
      replace(droppedBox,
        h('h2', { text: `Dropped targets (${dropped.length})` }),
        h('p', { class: 'muted', text: 'Targets that relabel_configs dropped, with the labels they were discovered with.' }),
        dropped.length === 0 ? h('p', { class: 'empty', id: 'no-dropped', text: 'No targets were dropped by relabeling.' })
          : !shown.length ? h('p', { class: 'empty', text: 'No dropped target matches the filter.' })
            : h('table', { class: 'dropped' },
              h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Scrape pool' }), h('th', { scope: 'col', text: 'Discovered labels' }))),
              h('tbody', null, shown.map(t => h('tr', null,
                h('td', { text: (t.discoveredLabels || {}).job || '' }),
                h('td', null, labels(t.discoveredLabels)))))));
    } catch (e) {
      if (e.name !== 'AbortError') replace(droppedBox, h('h2', { text: 'Dropped targets' }), errorBox(e));
    }
  }

  filter.addEventListener('input', () => { state.q = filter.value.trim(); save(); draw(); if (state.dropped) loadDropped(); });
  unhealthy.addEventListener('change', () => { state.unhealthy = unhealthy.checked; save(); draw(); });
  expandAll.addEventListener('click', () => { state.collapsed.clear(); save(); draw(); });
  collapseAll.addEventListener('click', () => {
    for (const el of list.querySelectorAll('details.pool')) state.collapsed.add(el.dataset.job);
    save(); draw();
  });
  droppedButton.addEventListener('click', () => {
    state.dropped = !state.dropped;
    droppedButton.textContent = state.dropped ? 'Hide dropped targets' : 'Show dropped targets';
    droppedBox.hidden = !state.dropped;
    save();
    if (state.dropped) loadDropped();
  });

  async function refresh() {
    try {
      const [targets, disc] = await Promise.all([
        ctx.api.get('/api/v1/targets', { state: 'active' }, ctx.signal),
        ctx.api.get('/api/vigil/v1/discovery', null, ctx.signal).catch(e => {
          if (e.name === 'AbortError') throw e;
          return null; // discovery sources are extra: the targets still show
        }),
      ]);
      data = targets;
      discovery = disc;
      loadError = null;
    } catch (e) {
      if (e.name === 'AbortError') return;
      loadError = e;
    }
    if (!ctx.signal.aborted) draw();
  }

  await ctx.every(REFRESH_MS, refresh);
  if (state.dropped) loadDropped();
}
