// A PromQL editor: a monospace textarea with completion (metric names, label names inside {} and
// by/without/on/ignoring (...), label values after label= / label=~", functions, aggregations,
// keywords) from the hub's own label APIs, and parse errors shown under it with a caret at the
// position Prometheus gives ("1:5: parse error: ...").
import { h, replace } from './dom.js';
import * as api from './api.js';
import { FUNCTIONS, AGGREGATIONS, KEYWORDS } from './promql-functions.js';

const CACHE_MS = 60_000;
const MAX_OPTIONS = 100;
const cache = new Map();
let ids = 0;

/** A cached GET of a label API (names change slowly; one minute is fresh enough). */
function cached(path, params) {
  const key = path + '?' + JSON.stringify(params || {});
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.promise;
  const promise = api.get(path, params).then(v => (Array.isArray(v) ? v : []));
  promise.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), promise });
  return promise;
}

const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const LABEL_OP = /([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*$/;
const LABEL_START = /(^|,)\s*([a-zA-Z_][a-zA-Z0-9_]*)?$/;

/**
 * What can be completed at the cursor of text: {kind: 'metric'|'label'|'value', from, to, prefix,
 * metric, label, quote, closed} or null. Exported for tests and reuse.
 */
export function completionContext(text, cursor) {
  let quote = null;
  let stringStart = -1;
  let brace = -1;
  let bracket = -1;
  const parens = [];
  for (let i = 0; i < cursor; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= cursor) return null; // in a comment
      i = nl;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      stringStart = i;
    } else if (c === '{') brace = i;
    else if (c === '}') brace = -1;
    else if (c === '[') bracket = i;
    else if (c === ']') bracket = -1;
    else if (c === '(') {
      const word = /([a-zA-Z_]+)\s*$/.exec(text.slice(0, i));
      parens.push({ at: i, word: word ? word[1].toLowerCase() : '' });
    } else if (c === ')') parens.pop();
  }
  const before = text.slice(0, cursor);
  const metricBefore = at => {
    const m = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*$/.exec(text.slice(0, at));
    return m && !(m[1] in FUNCTIONS) && !(m[1] in AGGREGATIONS) && !KEYWORDS.includes(m[1]) ? m[1] : '';
  };
  if (quote) {
    if (brace < 0 || stringStart < brace) return null;
    const op = LABEL_OP.exec(text.slice(brace + 1, stringStart));
    if (!op) return null;
    let to = cursor;
    while (to < text.length && text[to] !== quote && text[to] !== '\n') to++;
    const closed = text[to] === quote;
    if (!closed) to = cursor;
    return { kind: 'value', from: stringStart + 1, to, prefix: text.slice(stringStart + 1, cursor), label: op[1],
      metric: metricBefore(brace), quote, closed, regex: op[2].includes('~') };
  }
  if (bracket >= 0) return null;
  if (brace >= 0) {
    const content = text.slice(brace + 1, cursor);
    const op = LABEL_OP.exec(content);
    if (op) {
      return { kind: 'value', from: cursor, to: cursor, prefix: '', label: op[1], metric: metricBefore(brace), quote: null,
        regex: op[2].includes('~') };
    }
    const start = LABEL_START.exec(content);
    if (!start) return null;
    const prefix = start[2] || '';
    return { kind: 'label', from: cursor - prefix.length, to: wordEnd(text, cursor), prefix, metric: metricBefore(brace) };
  }
  const top = parens[parens.length - 1];
  if (top && GROUPING.has(top.word)) {
    const start = LABEL_START.exec(text.slice(top.at + 1, cursor));
    if (!start) return null;
    const prefix = start[2] || '';
    return { kind: 'label', from: cursor - prefix.length, to: wordEnd(text, cursor), prefix, metric: '' };
  }
  const word = /[a-zA-Z_:][a-zA-Z0-9_:]*$/.exec(before);
  const prefix = word ? word[0] : '';
  const prev = text[cursor - prefix.length - 1];
  if (prev && /[0-9.]/.test(prev)) return null; // a number or duration, not a name
  return { kind: 'metric', from: cursor - prefix.length, to: wordEnd(text, cursor), prefix };
}

function wordEnd(text, cursor) {
  let to = cursor;
  while (to < text.length && /[a-zA-Z0-9_:]/.test(text[to])) to++;
  return to;
}

/** Names matching a prefix first (in order), then those containing it; case-insensitive. */
function rank(options, prefix) {
  const p = prefix.toLowerCase();
  const starts = [];
  const contains = [];
  for (const o of options) {
    const t = o.text.toLowerCase();
    if (t.startsWith(p)) starts.push(o);
    else if (p && t.includes(p)) contains.push(o);
  }
  return starts.concat(contains);
}

/** A string literal's body: backslashes and the quote escaped. */
function escapeValue(v, quote) {
  return quote === '`' ? v : v.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote);
}

/**
 * Creates the editor. opts: {value, onRun(expr), placeholder, label}. Returns {el, textarea, value
 * (get/set), showError(err), clearError(), focus()}.
 */
export function createEditor(opts = {}) {
  const id = 'promql-' + (++ids);
  const textarea = h('textarea', {
    id: id + '-input', class: 'promql-input', spellcheck: false, rows: 1, autocomplete: 'off', autocapitalize: 'off',
    placeholder: opts.placeholder || 'Expression (press Shift+Enter to run)', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id + '-list',
    'aria-label': opts.label || 'PromQL expression',
  });
  textarea.value = opts.value || '';
  textarea.spellcheck = false;
  const list = h('ul', { id: id + '-list', class: 'promql-complete', role: 'listbox', 'aria-label': 'Completions' });
  list.hidden = true;
  const hint = h('div', { class: 'promql-hint muted', 'aria-live': 'polite' });
  const errors = h('div', { id: id + '-error', class: 'promql-error' });
  errors.hidden = true;
  const el = h('div', { class: 'promql-editor' }, h('div', { class: 'promql-box' }, textarea, list), hint, errors);

  let options = [];
  let active = -1;
  let context = null;
  let seq = 0;

  const grow = () => { // fits the text (wrapped lines too), up to about twelve lines
    textarea.style.height = 'auto';
    if (textarea.scrollHeight) textarea.style.height = Math.min(textarea.scrollHeight + 2, 240) + 'px';
  };

  function close() {
    seq++;
    list.hidden = true;
    options = [];
    active = -1;
    textarea.setAttribute('aria-expanded', 'false');
    textarea.removeAttribute('aria-activedescendant');
    hint.textContent = '';
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = list.children[i];
    if (li) {
      textarea.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
      hint.textContent = options[i].detail || '';
    }
  }

  function show(ctx, found) {
    options = found.slice(0, MAX_OPTIONS);
    context = ctx;
    if (!options.length || (options.length === 1 && options[0].text === ctx.prefix && ctx.kind !== 'value')) {
      close();
      return;
    }
    replace(list, options.map((o, i) => h('li', {
      id: `${id}-opt-${i}`, role: 'option', 'aria-selected': 'false', class: 'kind-' + o.kind,
      onmousedown: e => { e.preventDefault(); accept(i); },
    }, h('span', { class: 'name', text: o.text }), h('span', { class: 'kind', text: o.kind }))));
    list.hidden = false;
    textarea.setAttribute('aria-expanded', 'true');
    setActive(0);
  }

  async function suggest(explicit) {
    const ctx = completionContext(textarea.value, textarea.selectionStart);
    if (!ctx || textarea.selectionStart !== textarea.selectionEnd || (ctx.kind === 'metric' && !ctx.prefix && !explicit)) {
      close();
      return;
    }
    const mine = ++seq;
    let found = [];
    try {
      if (ctx.kind === 'metric') {
        const names = await cached('/api/v1/label/__name__/values');
        found = rank(names.map(n => ({ text: n, kind: 'metric' }))
          .concat(Object.entries(FUNCTIONS).map(([n, d]) => ({ text: n, kind: 'function', detail: d, insert: n + '(' })))
          .concat(Object.entries(AGGREGATIONS).map(([n, d]) => ({ text: n, kind: 'aggregation', detail: d, insert: n + '(' })))
          .concat(KEYWORDS.map(n => ({ text: n, kind: 'keyword' }))), ctx.prefix);
      } else if (ctx.kind === 'label') {
        const params = ctx.metric ? { 'match[]': ctx.metric } : undefined;
        const names = await cached('/api/v1/labels', params);
        found = rank(names.filter(n => n !== '__name__').map(n => ({ text: n, kind: 'label' })), ctx.prefix);
      } else {
        const params = ctx.metric ? { 'match[]': ctx.metric } : undefined;
        const values = await cached('/api/v1/label/' + encodeURIComponent(ctx.label) + '/values', params);
        found = rank(values.map(v => ({ text: v, kind: 'value' })), ctx.prefix);
      }
    } catch (e) {
      found = []; // completion is a convenience: a failed lookup just offers nothing
    }
    if (mine !== seq) return;
    show(ctx, found);
  }

  function accept(i) {
    const o = options[i];
    const ctx = context;
    if (!o || !ctx) return;
    let insert = o.insert || o.text;
    if (ctx.kind === 'value') {
      const q = ctx.quote || '"';
      insert = escapeValue(o.text, q);
      if (!ctx.quote) insert = q + insert + q;
      else if (!ctx.closed) insert += q;
    }
    const v = textarea.value;
    let to = ctx.to;
    if (insert.endsWith('(') && v[to] === '(') to++;
    textarea.value = v.slice(0, ctx.from) + insert + v.slice(to);
    let caret = ctx.from + insert.length;
    if (ctx.kind === 'value' && ctx.quote && ctx.closed) caret++; // past the closing quote
    textarea.setSelectionRange(caret, caret);
    close();
    grow();
    textarea.dispatchEvent(new Event('change'));
  }

  textarea.addEventListener('input', () => { grow(); suggest(false); });
  // Closed a moment after the editor loses focus, unless focus came back meanwhile (a list shown
  // after a quick refocus must stay open).
  textarea.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== textarea) close(); }, 100));
  textarea.addEventListener('click', () => { if (!list.hidden) suggest(false); });
  textarea.addEventListener('keydown', e => {
    const open = !list.hidden && options.length > 0;
    if (open && e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((active + 1) % options.length);
    } else if (open && e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((active - 1 + options.length) % options.length);
    } else if (open && (e.key === 'PageDown' || e.key === 'PageUp')) {
      e.preventDefault();
      setActive(Math.max(0, Math.min(options.length - 1, active + (e.key === 'PageDown' ? 10 : -10))));
    } else if (open && (e.key === 'Tab' || (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey))) {
      e.preventDefault();
      accept(active);
    } else if (open && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      close();
      if (opts.onRun) opts.onRun(textarea.value);
    } else if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      suggest(true);
    }
  });
  grow();

  function clearError() {
    errors.hidden = true;
    errors.replaceChildren();
    textarea.removeAttribute('aria-invalid');
    textarea.removeAttribute('aria-describedby');
  }

  /** Shows an error under the editor; a "line:col: parse error" gets a caret under that column. */
  function showError(err) {
    const message = String(err && err.message ? err.message : err);
    const children = [];
    const pos = /(\d+):(\d+): parse error: /.exec(message);
    if (pos) {
      const lineNo = Number(pos[1]);
      const col = Number(pos[2]); // 1-based, in UTF-8 bytes as Prometheus counts
      const line = textarea.value.split('\n')[lineNo - 1];
      if (line !== undefined) {
        let bytes = 0;
        let chars = 0;
        const enc = new TextEncoder();
        for (const ch of line) {
          if (bytes >= col - 1) break;
          bytes += enc.encode(ch).length;
          chars += ch.length;
        }
        const lines = textarea.value.split('\n');
        const offset = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0) + chars;
        children.push(h('pre', { class: 'promql-caret', 'aria-hidden': 'true' },
          line + '\n' + ' '.repeat([...line.slice(0, chars)].length) + '^'));
        children.push(h('button', {
          type: 'button', class: 'ghost promql-goto', text: `Go to line ${lineNo}, column ${col}`,
          onclick: () => { textarea.focus(); textarea.setSelectionRange(offset, offset); },
        }));
      }
    }
    children.push(h('div', { class: 'error', role: 'alert', text: message }));
    replace(errors, children);
    errors.hidden = false;
    textarea.setAttribute('aria-invalid', 'true');
    textarea.setAttribute('aria-describedby', errors.id);
  }

  return {
    el, textarea, showError, clearError,
    get value() { return textarea.value; },
    set value(v) { textarea.value = v; grow(); },
    focus() { textarea.focus(); },
  };
}
