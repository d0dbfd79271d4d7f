// Rules: the rule groups as evaluated (file, interval, last evaluation and its time), each rule
// with its state, health and last error, query (opened in Explore), labels, annotations, and the
// active alerts of alerting rules. Filter by name and by state; both kept in the URL.
import { h, replace, badge, labels, errorBox } from '../lib/dom.js';
import { ago, duration, time } from '../lib/format.js';

export const title = 'Rules';

const REFRESH_MS = 10000;
const STATES = ['firing', 'pending', 'inactive'];

function exploreHref(expr) {
  return '/explore?' + new URLSearchParams({ 'g0.expr': expr, 'g0.tab': '1' });
}

/** The state a rule is filtered by: an alerting rule's state, 'recording' for a recording rule. */
function ruleState(r) {
  return r.type === 'alerting' ? (r.state || 'inactive') : 'recording';
}

function seconds(s) {
  return Number.isFinite(s) ? duration(s) : '';
}

// the user's choice to open or close a rule's active alerts, kept across refreshes
const alertsOpen = new Map();

function alertsTable(r, key) {
  const alerts = r.alerts || [];
  if (!alerts.length) return null;
  const details = h('details', { class: 'rule-alerts', open: alertsOpen.has(key) ? alertsOpen.get(key) : alerts.length <= 20 },
    h('summary', { text: `Active alerts (${alerts.length})` }),
    h('table', null,
      h('thead', null, h('tr', null, ['Labels', 'State', 'Since', 'Value'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', null, alerts.map(a => h('tr', { class: 'rule-alert', dataset: { state: a.state } },
        h('td', null, labels(a.labels)),
        h('td', null, badge(a.state)),
        h('td', null, h('span', { title: time(a.activeAt), text: ago(a.activeAt) })),
        h('td', { class: 'mono', text: a.value }))))));
  details.addEventListener('toggle', () => alertsOpen.set(key, details.open));
  return details;
}

function ruleBlock(r, group) {
  const alerting = r.type === 'alerting';
  const rows = [
    ['Query', h('a', { href: exploreHref(r.query), 'data-nav': true, class: 'mono rule-query', text: r.query, title: 'Open in Explore' })],
    alerting && r.duration ? ['For', duration(r.duration)] : null,
    alerting && r.keepFiringFor ? ['Keep firing for', duration(r.keepFiringFor)] : null,
    r.labels && Object.keys(r.labels).length ? ['Labels', labels(r.labels)] : null,
    alerting && r.annotations && Object.keys(r.annotations).length
      ? ['Annotations', h('dl', { class: 'annotations' }, Object.entries(r.annotations).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]))]
      : null,
    ['Last evaluation', h('span', { title: time(r.lastEvaluation), text: `${ago(r.lastEvaluation)}, took ${seconds(r.evaluationTime)}` })],
  ].filter(Boolean);
  return h('div', { class: 'rule panel', dataset: { rule: r.name, type: r.type, state: ruleState(r), health: r.health } },
    h('div', { class: 'rule-head' },
      h('strong', { class: 'mono rule-name', text: r.name }), ' ',
      h('span', { class: 'muted', text: alerting ? 'alert' : 'record' }), ' ',
      alerting ? badge(r.state || 'inactive') : null, ' ',
      badge(r.health === 'err' ? 'err' : r.health || 'unknown', 'health: ' + (r.health || 'unknown'))),
    r.lastError ? h('div', { class: 'error rule-error', text: 'Error: ' + r.lastError }) : null,
    h('table', { class: 'rule-def' }, h('tbody', null, rows.map(([k, v]) => h('tr', null, h('th', { scope: 'row', text: k }), h('td', null, v))))),
    alerting ? alertsTable(r, group + '\n' + r.name) : null);
}

export async function render(root, ctx) {
  const p = ctx.params;
  const state = {
    q: p.get('q') || '',
    states: new Set((p.get('state') || '').split(',').filter(s => STATES.includes(s))),
    unhealthy: p.get('unhealthy') === '1',
  };
  const save = () => {
    const out = {};
    if (state.q) out.q = state.q;
    if (state.states.size) out.state = STATES.filter(s => state.states.has(s)).join(',');
    if (state.unhealthy) out.unhealthy = '1';
    ctx.setParams(out);
  };

  const filter = h('input', { type: 'search', id: 'rules-filter', value: state.q, placeholder: 'rule or group name', size: 28 });
  const boxes = STATES.map(s => {
    const box = h('input', { type: 'checkbox', id: 'rules-state-' + s, checked: state.states.has(s) });
    box.addEventListener('change', () => { if (box.checked) state.states.add(s); else state.states.delete(s); save(); draw(); });
    return h('label', { for: 'rules-state-' + s }, box, ' ', s);
  });
  const unhealthy = h('input', { type: 'checkbox', id: 'rules-unhealthy', checked: state.unhealthy });
  const summary = h('p', { class: 'muted', id: 'rules-summary' });
  const list = h('div', { id: 'rule-groups' });
  root.append(
    h('h1', { text: 'Rules' }),
    h('div', { class: 'toolbar' },
      h('label', { for: 'rules-filter', text: 'Filter' }), filter,
      h('span', { class: 'muted', text: 'Alert state:' }), boxes,
      h('label', { for: 'rules-unhealthy' }, unhealthy, ' Only with errors')),
    summary, list);

  let groups = [];
  let loadError = null;

  function keep(r, group) {
    if (state.q) {
      const q = state.q.toLowerCase();
      if (!r.name.toLowerCase().includes(q) && !group.name.toLowerCase().includes(q)) return false;
    }
    if (state.states.size && !state.states.has(ruleState(r))) return false;
    if (state.unhealthy && r.health !== 'err') return false;
    return true;
  }

  function draw() {
    let rules = 0;
    const counts = { firing: 0, pending: 0, inactive: 0 };
    for (const g of groups) {
      for (const r of g.rules) {
        rules++;
        if (r.type === 'alerting') counts[r.state || 'inactive'] = (counts[r.state || 'inactive'] || 0) + 1;
      }
    }
    summary.textContent = `${groups.length} group(s), ${rules} rule(s); alerting rules: ${counts.firing} firing, ${counts.pending} pending, ${counts.inactive} inactive.`;
    const sections = [];
    for (const g of groups) {
      const shown = g.rules.filter(r => keep(r, g));
      if (!shown.length && (state.q || state.states.size || state.unhealthy)) continue;
      sections.push(h('section', { class: 'rule-group', dataset: { group: g.name } },
        h('h2', null, g.name),
        h('p', { class: 'muted group-meta' },
          h('span', { class: 'mono', text: g.file }),
          ` · every ${seconds(g.interval)} · last evaluation ${ago(g.lastEvaluation)} · took ${seconds(g.evaluationTime)}`,
          g.limit ? ` · limit ${g.limit}` : ''),
        shown.length ? shown.map(r => ruleBlock(r, g.name)) : h('p', { class: 'empty', text: 'No rules in this group.' })));
    }
    replace(list, loadError ? errorBox(loadError) : null,
      sections.length ? sections : h('p', { class: 'empty', text: groups.length ? 'No rule matches the filter.' : 'No rule groups are loaded (rule_files).' }));
  }

  filter.addEventListener('input', () => { state.q = filter.value.trim(); save(); draw(); });
  unhealthy.addEventListener('change', () => { state.unhealthy = unhealthy.checked; save(); draw(); });

  await ctx.every(REFRESH_MS, async () => {
    try {
      const data = await ctx.api.get('/api/v1/rules', null, ctx.signal);
      groups = data.groups || [];
      loadError = null;
    } catch (e) {
      if (e.name === 'AbortError') return;
      loadError = e;
    }
    if (!ctx.signal.aborted) draw();
  });
}
