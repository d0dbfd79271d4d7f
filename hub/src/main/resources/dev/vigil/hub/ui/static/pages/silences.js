// Silences (Alertmanager API v2): the list by state, a create/edit form with a live preview of
// the alerts the silence would mute, and expiry. ?new=1&filter={a="b"} opens the form prefilled
// (Alertmanager UI links and the Alerts page use that); ?id=<id> highlights one silence.
import { h, replace, badge, errorBox } from '../lib/dom.js';
import { time, ago, parseDuration } from '../lib/format.js';

export const title = 'Silences';

const STATES = ['active', 'pending', 'expired'];
const OPS = ['=', '!=', '=~', '!~'];

/** '{a="b", c=~"d"}' (or without braces) -> [{name, op, value}]; throws on what is not a matcher list. */
export function parseMatchers(text) {
  let s = String(text || '').trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  const out = [];
  const head = /\s*([^\s=!~,{}"]+)\s*(=~|!~|!=|=)\s*/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    head.lastIndex = i;
    const m = head.exec(s);
    if (!m) throw new Error('not a matcher: ' + s.slice(i));
    i = head.lastIndex;
    let value = '';
    if (s[i] === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) {
          i++;
          value += s[i] === 'n' ? '\n' : s[i];
        } else {
          value += s[i];
        }
        i++;
      }
      if (s[i] !== '"') throw new Error('unterminated quote in: ' + text);
      i++;
    } else {
      const comma = s.indexOf(',', i);
      const end = comma < 0 ? s.length : comma;
      value = s.slice(i, end).trim();
      i = end;
    }
    out.push({ name: m[1], op: m[2], value });
    while (i < s.length && /\s/.test(s[i])) i++;
    if (s[i] === ',') i++;
  }
  return out;
}

/** {name, op, value} -> 'name=~"value"' as the API's filter takes it. */
export function matcherText(m) {
  return `${m.name}${m.op}"${String(m.value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** An API silence matcher -> {name, op, value}. */
function fromApi(m) {
  const equal = m.isEqual !== false;
  return { name: m.name, op: equal ? (m.isRegex ? '=~' : '=') : (m.isRegex ? '!~' : '!='), value: m.value };
}

/** Seconds -> Prometheus duration text: 5400 -> "1h30m". */
function promDuration(seconds) {
  let s = Math.max(0, Math.round(seconds));
  if (s === 0) return '0s';
  let out = '';
  for (const [unit, size] of [['w', 604800], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    if (s >= size) { out += Math.floor(s / size) + unit; s %= size; }
  }
  return out;
}

/** A Date -> the value of a datetime-local input (local time, minutes). */
function localInput(d) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function matcherChips(matchers) {
  return h('span', { class: 'labels' }, (matchers || []).map(m => h('span', { class: 'label', text: matcherText(fromApi(m)) })));
}

function stateBadge(state) {
  return state === 'active' ? badge('active-silence', 'active') : badge(state);
}

export async function render(root, ctx) {
  const admin = !!ctx.me.admin;
  let tab = ctx.params.get('state') || 'active';
  let silences = [];
  let highlight = ctx.params.get('id') || '';
  let scrolledTo = '';

  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Silence states' });
  const search = h('input', { type: 'search', placeholder: 'Filter by matcher, creator or comment', 'aria-label': 'Filter silences', class: 'silence-search' });
  const newButton = admin ? h('button', { class: 'primary', id: 'silence-new', type: 'button', text: 'New silence', onclick: () => openForm(null, []) }) : null;
  const formHost = h('div');
  const listHost = h('div', { id: 'silence-list' });
  const status = h('div', { role: 'status', class: 'muted' });

  root.append(
    h('h1', { text: 'Silences' }),
    h('div', { class: 'toolbar' }, tabs, search, newButton,
      admin ? null : h('span', { class: 'muted', id: 'silence-readonly', text: 'Read-only: creating, editing and expiring silences needs an admin identity.' })),
    status, formHost, listHost);
  search.addEventListener('input', drawList);

  function counts() {
    const c = { active: 0, pending: 0, expired: 0 };
    for (const s of silences) c[s.status.state] = (c[s.status.state] || 0) + 1;
    return c;
  }

  function drawTabs() {
    const c = counts();
    replace(tabs, STATES.map(st => h('button', {
      type: 'button', role: 'tab', class: 'tab' + (st === tab ? ' selected' : ''), 'aria-selected': String(st === tab),
      dataset: { state: st }, text: `${st[0].toUpperCase()}${st.slice(1)} (${c[st] || 0})`,
      onclick: () => { tab = st; saveParams(); drawTabs(); drawList(); },
    })));
  }

  function saveParams() {
    const p = {};
    if (tab !== 'active') p.state = tab;
    if (highlight) p.id = highlight;
    ctx.setParams(p);
  }

  function drawList() {
    const q = search.value.trim().toLowerCase();
    const rows = silences.filter(s => s.status.state === tab).filter(s => !q
      || (s.matchers || []).some(m => matcherText(fromApi(m)).toLowerCase().includes(q))
      || (s.createdBy || '').toLowerCase().includes(q) || (s.comment || '').toLowerCase().includes(q));
    if (!rows.length) {
      replace(listHost, h('p', { class: 'empty', text: `No ${tab} silences${q ? ' match the filter' : ''}.` }));
      return;
    }
    const head = ['State', 'Matchers', 'Starts', 'Ends', 'Created by', 'Comment', ''];
    replace(listHost, h('table', { class: 'silences' },
      h('thead', null, h('tr', null, head.map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', null, rows.map(row))));
    const hl = listHost.querySelector('tr.highlight');
    if (hl && scrolledTo !== highlight) { scrolledTo = highlight; hl.scrollIntoView({ block: 'center' }); }
  }

  function row(s) {
    const live = s.status.state !== 'expired';
    const actions = [];
    if (admin && live) {
      actions.push(h('button', { type: 'button', class: 'ghost edit', text: 'Edit', onclick: () => openForm(s, s.matchers.map(fromApi)) }));
      actions.push(h('button', { type: 'button', class: 'danger expire', text: 'Expire', onclick: e => expire(s, e.target) }));
    } else if (admin) {
      actions.push(h('button', { type: 'button', class: 'ghost recreate', text: 'Recreate', title: 'A new silence with these matchers', onclick: () => openForm({ ...s, id: '', startsAt: null, endsAt: null }, s.matchers.map(fromApi)) }));
    }
    return h('tr', { class: s.id === highlight ? 'highlight' : null, dataset: { id: s.id } },
      h('td', null, stateBadge(s.status.state)),
      h('td', null, matcherChips(s.matchers),
        h('div', null, h('a', { href: '/silences?id=' + encodeURIComponent(s.id) + (s.status.state !== 'active' ? '&state=' + s.status.state : ''), class: 'muted mono', 'data-nav': '', text: s.id }))),
      h('td', { title: s.startsAt }, time(s.startsAt), h('div', { class: 'muted', text: ago(s.startsAt) })),
      h('td', { title: s.endsAt }, time(s.endsAt), h('div', { class: 'muted', text: ago(s.endsAt) })),
      h('td', { text: s.createdBy }),
      h('td', { class: 'comment', text: s.comment }),
      h('td', { class: 'actions' }, actions));
  }

  async function expire(s, button) {
    button.disabled = true;
    try {
      await ctx.api.del('/api/v2/silence/' + encodeURIComponent(s.id));
      status.textContent = `Silence ${s.id} expired.`;
      await load();
    } catch (e) {
      button.disabled = false;
      replace(status, errorBox(e));
    }
  }

  async function load() {
    try {
      silences = await ctx.api.get('/api/v2/silences', null, ctx.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(listHost, errorBox(e));
      return;
    }
    const picked = highlight && silences.find(s => s.id === highlight);
    if (picked && !ctx.params.get('state') && picked.status.state !== tab && !listHost.dataset.loaded) tab = picked.status.state;
    listHost.dataset.loaded = '1';
    drawTabs();
    drawList();
  }

  function openForm(silence, matchers) {
    if (!admin) return;
    const opener = document.activeElement;
    replace(formHost, silenceForm(ctx, silence, matchers, {
      done: async id => {
        replace(formHost);
        highlight = id;
        tab = 'active';
        // Alertmanager updates a silence in place only when its matchers (and, if active, its start)
        // are unchanged; otherwise it expires the old one and answers with a new id.
        status.textContent = !(silence && silence.id) ? `Silence ${id} created.`
          : id === silence.id ? `Silence ${id} updated.`
            : `Silence ${id} replaces ${silence.id}, which is now expired (Alertmanager makes a new silence when the matchers or an active silence's start change).`;
        saveParams();
        delete listHost.dataset.loaded;
        await load();
      },
      cancel: () => {
        replace(formHost);
        const p = Object.fromEntries(ctx.params); delete p.new; delete p.filter; ctx.setParams(p);
        // keyboard users go on from where they opened the form
        (opener && opener.isConnected && opener !== document.body ? opener : newButton).focus();
      },
    }));
    formHost.querySelector('input')?.focus();
  }

  if (ctx.params.get('new')) {
    if (admin) {
      let prefill = [];
      try {
        prefill = parseMatchers(ctx.params.get('filter') || '');
      } catch (e) {
        replace(status, errorBox(e));
      }
      openForm(null, prefill);
    }
  }
  await ctx.every(10000, load);
}

/** The create/edit form; calls done(silenceID) after a successful POST. */
function silenceForm(ctx, silence, matchers, { done, cancel }) {
  const editing = !!(silence && silence.id);
  const now = new Date();
  const startsAt = silence && silence.startsAt ? new Date(silence.startsAt) : now;
  const endsAt = silence && silence.endsAt ? new Date(silence.endsAt) : new Date(startsAt.getTime() + 2 * 3600 * 1000);
  let endsMode = 'duration';
  let startTouched = false;

  const rowsHost = h('div', { class: 'matcher-rows' });
  const preview = h('div', { id: 'silence-preview', class: 'preview', 'aria-live': 'polite' });
  const error = h('div');

  const startInput = h('input', { type: 'datetime-local', id: 'silence-starts', value: localInput(startsAt) });
  const durationInput = h('input', { type: 'text', id: 'silence-duration', class: 'mono', size: 8, value: promDuration((endsAt - startsAt) / 1000) });
  const endsInput = h('input', { type: 'datetime-local', id: 'silence-ends', value: localInput(endsAt) });
  const createdBy = h('input', { type: 'text', id: 'silence-created-by', required: true, value: (silence && silence.createdBy) || ctx.me.user || '' });
  const comment = h('textarea', { id: 'silence-comment', rows: 2, cols: 60, required: true });
  comment.value = (silence && silence.comment) || '';

  // An untouched start is the silence's own (editing) or now at the moment of saving (new).
  function start() {
    if (startTouched) return new Date(startInput.value);
    return silence && silence.startsAt ? startsAt : new Date();
  }
  function end() {
    if (endsMode === 'ends') return new Date(endsInput.value);
    const secs = parseDuration(durationInput.value);
    return new Date(start().getTime() + secs * 1000);
  }
  startInput.addEventListener('input', () => {
    startTouched = true;
    if (endsMode === 'duration') { const e = end(); if (!Number.isNaN(e.getTime())) endsInput.value = localInput(e); } else durationInput.value = promDuration((end() - start()) / 1000);
  });
  durationInput.addEventListener('input', () => {
    endsMode = 'duration';
    const e = end();
    durationInput.setCustomValidity(Number.isNaN(e.getTime()) ? 'a duration such as 2h or 1d12h' : '');
    if (!Number.isNaN(e.getTime())) endsInput.value = localInput(e);
  });
  endsInput.addEventListener('input', () => {
    endsMode = 'ends';
    const secs = (end() - start()) / 1000;
    if (Number.isFinite(secs)) durationInput.value = promDuration(secs);
  });

  function addRow(m) {
    const name = h('input', { type: 'text', class: 'mono m-name', 'aria-label': 'Label name', placeholder: 'label', value: m.name || '' });
    const op = h('select', { class: 'm-op', 'aria-label': 'Operator' }, OPS.map(o => h('option', { value: o, text: o })));
    op.value = OPS.includes(m.op) ? m.op : '=';
    const value = h('input', { type: 'text', class: 'mono m-value', 'aria-label': 'Label value', placeholder: 'value', value: m.value || '' });
    const rowEl = h('div', { class: 'matcher-row' }, name, op, value,
      h('button', { type: 'button', class: 'ghost m-remove', 'aria-label': 'Remove matcher', text: '✕', onclick: () => { rowEl.remove(); schedulePreview(); } }));
    for (const el of [name, op, value]) el.addEventListener('input', schedulePreview);
    rowsHost.append(rowEl);
    return rowEl;
  }

  function current() {
    return [...rowsHost.querySelectorAll('.matcher-row')].map(r => ({
      name: r.querySelector('.m-name').value.trim(), op: r.querySelector('.m-op').value, value: r.querySelector('.m-value').value,
    })).filter(m => m.name || m.value);
  }

  let timer = null;
  let previewAbort = null;
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(runPreview, 350);
  }
  ctx.onCleanup(() => { clearTimeout(timer); if (previewAbort) previewAbort.abort(); });

  async function runPreview() {
    const ms = current();
    if (!ms.length) { replace(preview, h('p', { class: 'muted', text: 'Add a matcher to see the alerts this silence would mute.' })); return; }
    const bad = ms.find(m => !m.name);
    if (bad) { replace(preview, h('p', { class: 'muted', text: 'Every matcher needs a label name.' })); return; }
    if (previewAbort) previewAbort.abort();
    previewAbort = new AbortController();
    const signal = previewAbort.signal;
    try {
      const alerts = await ctx.api.get('/api/v2/alerts', { filter: ms.map(matcherText), silenced: true, inhibited: true, active: true, unprocessed: true }, signal);
      if (signal.aborted) return;
      replace(preview,
        h('h3', { text: `Alerts this silence would mute (${alerts.length})`, dataset: { count: String(alerts.length) } }),
        alerts.length ? h('ul', { class: 'preview-alerts' }, alerts.map(a => h('li', { dataset: { fingerprint: a.fingerprint } },
          badge(a.status.state === 'active' ? 'firing' : a.status.state, a.status.state === 'active' ? 'firing' : a.status.state), ' ',
          h('span', { class: 'labels inline' }, Object.keys(a.labels).sort().map(k => h('span', { class: 'label', text: `${k}="${a.labels[k]}"` }))))))
          : h('p', { class: 'empty', text: 'No alert matches now (the silence would still mute matching alerts that fire later).' }));
    } catch (e) {
      if (e.name === 'AbortError' || signal.aborted) return;
      replace(preview, errorBox(e));
    }
  }

  const submit = h('button', { type: 'submit', class: 'primary', id: 'silence-submit', text: editing ? 'Update silence' : 'Create silence' });
  const form = h('form', { class: 'panel silence-form', id: 'silence-form', 'aria-label': editing ? 'Edit silence' : 'New silence' },
    h('h2', { text: editing ? 'Edit silence ' + silence.id : 'New silence' }),
    h('fieldset', null, h('legend', { text: 'Matchers' }), rowsHost,
      h('button', { type: 'button', class: 'ghost', id: 'silence-add-matcher', text: '+ Add matcher', onclick: () => { addRow({}).querySelector('input').focus(); } })),
    h('div', { class: 'form-grid' },
      h('label', { for: 'silence-starts', text: 'Starts at' }), startInput,
      h('label', { for: 'silence-duration', text: 'Duration' }), durationInput,
      h('label', { for: 'silence-ends', text: 'Ends at' }), endsInput,
      h('label', { for: 'silence-created-by', text: 'Created by' }), createdBy,
      h('label', { for: 'silence-comment', text: 'Comment' }), comment),
    preview, error,
    h('div', { class: 'toolbar' }, submit, h('button', { type: 'button', class: 'ghost', text: 'Cancel', onclick: cancel })));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    replace(error);
    const ms = current();
    const s = start();
    const en = end();
    const problems = [];
    if (!ms.length) problems.push('add at least one matcher');
    if (ms.some(m => !m.name)) problems.push('every matcher needs a label name');
    if (Number.isNaN(s.getTime()) || Number.isNaN(en.getTime())) problems.push('the start, duration or end is not valid');
    else if (en <= s) problems.push('the end must be after the start');
    if (!createdBy.value.trim()) problems.push('say who creates it');
    if (!comment.value.trim()) problems.push('add a comment');
    if (problems.length) { error.append(errorBox('Cannot save: ' + problems.join('; ') + '.')); return; }
    const body = {
      matchers: ms.map(m => ({ name: m.name, value: m.value, isRegex: m.op.includes('~'), isEqual: !m.op.startsWith('!') })),
      startsAt: s.toISOString(), endsAt: en.toISOString(), createdBy: createdBy.value.trim(), comment: comment.value.trim(),
    };
    if (editing) body.id = silence.id;
    submit.disabled = true;
    try {
      const res = await ctx.api.post('/api/v2/silences', body);
      await done(res.silenceID);
    } catch (err) {
      submit.disabled = false;
      error.append(errorBox(err));
    }
  });

  for (const m of matchers.length ? matchers : [{}]) addRow(m);
  runPreview();
  return form;
}
