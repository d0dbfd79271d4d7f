// The hub's HTTP APIs from the browser: Prometheus v1 and the UI's own (enveloped) and
// Alertmanager v2 (plain JSON). Same origin; the browser adds the credentials it holds.

/** An API failure: HTTP status, Prometheus errorType when there is one, and the server's words. */
export class ApiError extends Error {
  constructor(status, type, message) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

function url(path, params) {
  const u = new URL(path, window.location.origin);
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) v.forEach(x => u.searchParams.append(k, x));
      else u.searchParams.set(k, v);
    }
  }
  return u;
}

async function call(method, path, params, body, signal) {
  const init = { method, signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url(path, params), init);
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { /* not JSON: a plain-text error */ }
  }
  if (!res.ok) {
    const message = json && (json.error || json.message) ? (json.error || json.message) : (text.trim() || res.statusText);
    throw new ApiError(res.status, json && json.errorType, message);
  }
  if (json && json.status === 'success' && 'data' in json) return json.data;
  if (json && json.status === 'error') throw new ApiError(res.status, json.errorType, json.error);
  return json;
}

/** GET; Prometheus envelopes are unwrapped to their data. */
export function get(path, params, signal) {
  return call('GET', path, params, undefined, signal);
}

/** POST of a JSON body. */
export function post(path, body, signal) {
  return call('POST', path, undefined, body, signal);
}

/** POST of a form (Prometheus' query API takes forms, which keeps long queries out of the URL). */
export async function postForm(path, params, signal) {
  const res = await fetch(url(path), {
    method: 'POST', signal, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null)),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok || !json || json.status !== 'success') {
    throw new ApiError(res.status, json && json.errorType, json && json.error ? json.error : res.statusText);
  }
  // The answer's warnings ride along on the data, out of the way of code that walks its fields.
  if (Array.isArray(json.warnings) && json.warnings.length && json.data && typeof json.data === 'object') {
    Object.defineProperty(json.data, 'warnings', { value: json.warnings.map(String), enumerable: false });
  }
  return json.data;
}

/** DELETE. */
export function del(path, signal) {
  return call('DELETE', path, undefined, undefined, signal);
}

/** An instant query: {resultType, result}. */
export function query(expr, time, signal) {
  return postForm('/api/v1/query', { query: expr, time }, signal);
}

/** A range query over [start, end] seconds with a step in seconds: {resultType, result}. */
export function queryRange(expr, start, end, step, signal) {
  return postForm('/api/v1/query_range', { query: expr, start, end, step }, signal);
}
