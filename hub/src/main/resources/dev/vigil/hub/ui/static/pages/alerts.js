// Alerts: the built-in Alertmanager's alert groups as routed (receiver, group labels), each alert
// with labels, annotations, start, source link and status (active, silenced by, inhibited by), a
// Silence link per alert; like Alertmanager's UI, active alerts only unless the silenced or
// inhibited toggles are on; a matcher filter passed to the API. The rule side's firing and
// pending counts come from /api/v1/alerts.
import { h, replace, badge, labels, errorBox } from '../lib/dom.js';
import { ago, time } from '../lib/format.js';

export const title = 'Alerts';

const REFRESH_MS = 10000;

/** Splits '{a="1", b=~"x,y"}' (braces optional) into matchers ['a="1"', 'b=~"x,y"']; commas in quotes stay. */
export function splitMatchers(text) {
  let s = String(text || '').trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted && c === '\\' && i + 1 < s.length) { cur += c + s[++i]; continue; }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Alertmanager answers a bad request with a JSON string: its text. */
function plain(message) {
  try {
    const v = JSON.parse(message);
    if (typeof v === 'string') return v;
  } catch (e) { /* not JSON */ }
  return String(message);
}

function quote(v) {
  return '"' + String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

/** The matchers of an alert's labels: '{alertname="X", instance="y"}', alertname first. */
export function labelsMatcher(obj) {
  const names = Object.keys(obj || {}).sort((a, b) => (a === 'alertname' ? -1 : b === 'alertname' ? 1 : a.localeCompare(b)));
  return '{' + names.map(n => `${n}=${quote(obj[n])}`).join(', ') + '}';
}

function statusMarks(a) {
  const st = a.status || {};
  const marks = [badge(st.state === 'suppressed' ? 'suppressed' : st.state || 'unknown')];
  for (const id of st.silencedBy || []) {
    marks.push(h('span', { class: 'status-mark silenced-by' }, 'silenced by ',
      h('a', { href: '/silences?' + new URLSearchParams({ id }), 'data-nav': true, class: 'mono', text: id })));
  }
  for (const fp of st.inhibitedBy || []) {
    marks.push(h('span', { class: 'status-mark inhibited-by' }, 'inhibited by ', h('span', { class: 'mono', text: fp })));
  }
  return h('span', { class: 'status-marks' }, marks);
}

function alertBlock(a) {
  const st = a.status || {};
  const silence = '/silences?' + new URLSearchParams({ new: '1', filter: labelsMatcher(a.labels) });
  const annotations = Object.entries(a.annotations || {});
  return h('li', {
    class: 'alert panel', dataset: {
      fingerprint: a.fingerprint, state: st.state || '', alertname: (a.labels || {}).alertname || '',
      instance: (a.labels || {}).instance || '', silenced: (st.silencedBy || []).length ? '1' : '0',
    },
  },
  h('div', { class: 'alert-head' },
    statusMarks(a), ' ',
    h('span', { class: 'muted', title: time(a.startsAt), text: 'started ' + ago(a.startsAt) }), ' ',
    a.generatorURL ? h('a', { href: a.generatorURL, class: 'source', rel: 'noopener noreferrer', text: 'Source' }) : null, ' ',
    h('a', { href: silence, 'data-nav': true, class: 'button silence', text: 'Silence' })),
  labels(a.labels),
  annotations.length ? h('dl', { class: 'annotations' }, annotations.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])) : null);
}

export async function render(root, ctx) {
  const p = ctx.params;
  const state = {
    filter: p.get('filter') || '',
    silenced: p.get('silenced') === '1',
    inhibited: p.get('inhibited') === '1',
  };
  const save = () => {
    const out = {};
    if (state.filter) out.filter = state.filter;
    if (state.silenced) out.silenced = '1';
    if (state.inhibited) out.inhibited = '1';
    ctx.setParams(out);
  };

  const filterInput = h('input', { type: 'text', id: 'alerts-filter', class: 'mono', value: state.filter, size: 48,
    placeholder: '{alertname="TargetUp", severity=~"warning|critical"}', spellcheck: 'false' });
  const form = h('form', { class: 'toolbar', role: 'search' },
    h('label', { for: 'alerts-filter', text: 'Filter' }), filterInput,
    h('button', { type: 'submit', class: 'primary', text: 'Apply' }),
    h('button', { type: 'button', class: 'ghost', id: 'alerts-clear', text: 'Clear' }));
  const silencedBox = h('input', { type: 'checkbox', id: 'alerts-silenced', checked: state.silenced });
  const inhibitedBox = h('input', { type: 'checkbox', id: 'alerts-inhibited', checked: state.inhibited });
  const cards = h('div', { class: 'cards', id: 'alerts-cards' });
  const list = h('div', { id: 'alert-groups' });
  root.append(
    h('h1', { text: 'Alerts' }),
    cards,
    form,
    h('div', { class: 'toolbar' },
      h('label', { for: 'alerts-silenced' }, silencedBox, ' Show silenced'),
      h('label', { for: 'alerts-inhibited' }, inhibitedBox, ' Show inhibited'),
      h('span', { class: 'muted', text: 'Active alerts are always shown.' })),
    list);

  let seq = 0;
  async function refresh() {
    const mine = ++seq;
    const matchers = splitMatchers(state.filter);
    let groups;
    let rulesAlerts;
    let amAll;
    let error = null;
    try {
      [groups, rulesAlerts, amAll] = await Promise.all([
        ctx.api.get('/api/v2/alerts/groups', {
          active: 'true', silenced: String(state.silenced), inhibited: String(state.inhibited), filter: matchers,
        }, ctx.signal),
        ctx.api.get('/api/v1/alerts', null, ctx.signal).catch(e => { if (e.name === 'AbortError') throw e; return null; }),
        ctx.api.get('/api/v2/alerts', { filter: matchers }, ctx.signal).catch(e => { if (e.name === 'AbortError') throw e; return null; }),
      ]);
    } catch (e) {
      if (e.name === 'AbortError') return;
      error = e;
    }
    if (ctx.signal.aborted || mine !== seq) return;
    if (error) {
      replace(list, errorBox(error.status === 400 ? 'Filter: ' + plain(error.message) : error));
      return;
    }
    drawCards(rulesAlerts, amAll);
    drawGroups(groups || []);
  }

  function drawCards(rulesAlerts, amAll) {
    const card = (id, value, label) => h('div', { class: 'card', id }, h('div', { class: 'value', text: value }), h('div', { class: 'label', text: label }));
    const ra = (rulesAlerts && rulesAlerts.alerts) || [];
    const am = amAll || [];
    const count = f => String(am.filter(f).length);
    replace(cards,
      card('card-firing', rulesAlerts ? String(ra.filter(a => a.state === 'firing').length) : '?', 'firing (rules)'),
      card('card-pending', rulesAlerts ? String(ra.filter(a => a.state === 'pending').length) : '?', 'pending (rules)'),
      card('card-active', amAll ? count(a => a.status && a.status.state === 'active') : '?', 'active in Alertmanager'),
      card('card-silenced', amAll ? count(a => a.status && (a.status.silencedBy || []).length) : '?', 'silenced'),
      card('card-inhibited', amAll ? count(a => a.status && (a.status.inhibitedBy || []).length) : '?', 'inhibited'));
  }

  function drawGroups(groups) {
    const shown = groups.filter(g => (g.alerts || []).length);
    if (!shown.length) {
      replace(list, h('p', { class: 'empty', id: 'no-alerts', text: state.filter ? 'No alert matches the filter.' : 'No alerts.' }));
      return;
    }
    replace(list, shown.map(g => h('section', {
      class: 'alert-group', dataset: { receiver: (g.receiver || {}).name || '', alertname: (g.labels || {}).alertname || '' },
    },
    h('h2', null,
      h('span', { class: 'muted', text: 'receiver ' }), h('span', { class: 'receiver', text: (g.receiver || {}).name || '' }), ' ',
      Object.keys(g.labels || {}).length ? labels(g.labels) : h('span', { class: 'muted', text: '(not grouped)' }), ' ',
      h('span', { class: 'muted group-count', text: `${g.alerts.length} alert(s)` })),
    h('ul', { class: 'alerts' }, g.alerts.map(alertBlock)))));
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    state.filter = filterInput.value.trim();
    save();
    refresh();
  });
  form.querySelector('#alerts-clear').addEventListener('click', () => {
    filterInput.value = '';
    state.filter = '';
    save();
    refresh();
  });
  silencedBox.addEventListener('change', () => { state.silenced = silencedBox.checked; save(); refresh(); });
  inhibitedBox.addEventListener('change', () => { state.inhibited = inhibitedBox.checked; save(); refresh(); });

  await ctx.every(REFRESH_MS, refresh);
}
