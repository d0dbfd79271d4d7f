// The hub UI's shell: routes page paths to page modules, keeps the nav and theme, knows who is
// signed in (admin or read-only), and gives each page a context that is cancelled when it goes.
import * as api from './lib/api.js';
import { replace, errorBox } from './lib/dom.js';

const ROUTES = {
  '/': 'overview', '/overview': 'overview', '/explore': 'explore', '/graph': 'explore', '/targets': 'targets',
  '/alerts': 'alerts', '/rules': 'rules', '/silences': 'silences', '/notifications': 'notifications',
  '/status': 'status', '/flags': 'status', '/config': 'status', '/tsdb-status': 'status',
};

// Alertmanager UI links ("#/silences/new?filter=...", "#/alerts") open our pages.
const HASH_ROUTES = [[/^#\/silences\/new/, '/silences'], [/^#\/silences/, '/silences'], [/^#\/alerts/, '/alerts']];

const page = document.getElementById('page');
let current = null;
let me = { user: '', admin: false, authRequired: false };
let shownUrl = '';

function banner(message) {
  const el = document.getElementById('banner');
  el.hidden = !message;
  el.textContent = message || '';
}

async function whoami() {
  try {
    me = await api.get('/api/vigil/v1/whoami');
  } catch (e) {
    banner('Cannot reach the hub: ' + e.message);
  }
  const who = document.getElementById('who');
  who.textContent = me.authRequired ? `${me.user || 'anonymous'} (${me.admin ? 'admin' : 'read-only'})` : '';
}

function fromHash() {
  for (const [re, path] of HASH_ROUTES) {
    if (re.test(location.hash)) {
      const q = location.hash.indexOf('?');
      const params = new URLSearchParams(q >= 0 ? location.hash.slice(q + 1) : '');
      if (/^#\/silences\/new/.test(location.hash)) params.set('new', '1');
      history.replaceState(null, '', path + (params.toString() ? '?' + params : ''));
      return true;
    }
  }
  return false;
}

/** Renders the page of the URL; with focus (in-app navigation), keyboard focus then starts at the page. */
async function show(focus) {
  fromHash();
  shownUrl = location.pathname + location.search;
  const name = ROUTES[location.pathname] || 'overview';
  if (current) {
    current.abort.abort();
    current.cleanups.forEach(f => { try { f(); } catch (e) { /* page gone */ } });
  }
  const ctx = {
    api, me, name,
    params: new URLSearchParams(location.search),
    abort: new AbortController(),
    cleanups: [],
    get signal() { return this.abort.signal; },
    /** Replaces the URL's query (shareable state) without a new history entry. */
    setParams(params) {
      const q = new URLSearchParams(params).toString();
      history.replaceState(null, '', location.pathname + (q ? '?' + q : ''));
      this.params = new URLSearchParams(q);
      if (current === this) shownUrl = location.pathname + location.search;
    },
    navigate,
    /** Runs fn now and every ms while the page is shown. */
    every(ms, fn) {
      const id = setInterval(() => { if (!document.hidden) fn(); }, ms);
      this.cleanups.push(() => clearInterval(id));
      return fn();
    },
    onCleanup(fn) { this.cleanups.push(fn); },
  };
  current = ctx;
  for (const a of document.querySelectorAll('header nav a')) {
    const target = ROUTES[new URL(a.href).pathname];
    if (target === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  replace(page);
  try {
    const module = await import(`./pages/${name}.js`);
    if (ctx.abort.signal.aborted) return;
    document.title = (module.title || name) + ' - Vigil hub';
    await module.render(page, ctx);
  } catch (e) {
    if (e.name === 'AbortError' || ctx.abort.signal.aborted) return;
    console.warn('page failed', e);
    page.append(errorBox(e));
  }
  if (focus && current === ctx && !page.contains(document.activeElement)) page.focus({ preventScroll: true });
}

/** Goes to a page path (with optional query) inside the app. */
export function navigate(path, params) {
  const q = params ? new URLSearchParams(params).toString() : '';
  history.pushState(null, '', path + (q ? '?' + q : ''));
  show(true);
}

document.addEventListener('click', e => {
  const a = e.target.closest('a[data-nav]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(new URL(a.href).pathname + new URL(a.href).search);
});
window.addEventListener('popstate', () => {
  // an in-page anchor (the skip link's #page) changes only the hash: the page stays as it is
  if (location.pathname + location.search === shownUrl && !HASH_ROUTES.some(([re]) => re.test(location.hash))) return;
  show(true);
});
document.getElementById('theme').addEventListener('click', () => {
  const dark = document.documentElement.dataset.theme !== 'dark';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  try { localStorage.setItem('vigil.theme', dark ? 'dark' : 'light'); } catch (e) { /* storage off */ }
  show(); // charts take their colors from the theme when drawn
});

await whoami();
await show();
