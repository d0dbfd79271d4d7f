// Formatting of numbers, sizes, times and durations for display.

const SI = ['', 'k', 'M', 'G', 'T', 'P'];

/** 1234567 -> "1.23M"; small numbers keep up to `digits` (3) significant digits. */
export function num(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const a = Math.abs(v);
  if (a < 1000) return String(Number(v.toPrecision(digits)));
  let i = 0;
  let x = v;
  while (Math.abs(x) >= 1000 && i < SI.length - 1) { x /= 1000; i++; }
  return Number(x.toPrecision(digits)) + SI[i];
}

/** Bytes in binary units: 1536 -> "1.5 KiB". */
export function bytes(v) {
  if (!Number.isFinite(v)) return String(v);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let x = v;
  while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i++; }
  return (i === 0 ? x : Number(x.toPrecision(3))) + ' ' + units[i];
}

/** Seconds -> "1h 2m 3s" / "250ms". */
export function duration(seconds) {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 1) return Math.round(seconds * 1000) + 'ms';
  let s = Math.round(seconds);
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    if (s >= size) { parts.push(Math.floor(s / size) + unit); s %= size; }
  }
  return parts.slice(0, 2).join(' ');
}

/** A time (ms, ISO string or Date) -> "2026-11-21 10:00:00" in local time; "never" for the Go zero time. */
export function time(t) {
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return 'never';
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** How long ago a time was: "3m 2s ago". */
export function ago(t) {
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return 'never';
  const s = (Date.now() - d.getTime()) / 1000;
  return s < 0 ? 'in ' + duration(-s) : duration(s) + ' ago';
}

/** Prometheus duration text ("5m", "1h30m") -> seconds; NaN when it is not one. */
export function parseDuration(text) {
  const m = /^((\d+)y)?((\d+)w)?((\d+)d)?((\d+)h)?((\d+)m)?((\d+)s)?((\d+)ms)?$/.exec(String(text).trim());
  if (!m || !text) return NaN;
  const n = i => Number(m[i] || 0);
  return n(2) * 31536000 + n(4) * 604800 + n(6) * 86400 + n(8) * 3600 + n(10) * 60 + n(12) + n(14) / 1000;
}

/** {a:"1"} -> 'a="1"'. */
export function labelText(obj) {
  return Object.keys(obj || {}).sort().map(k => `${k}="${obj[k]}"`).join(', ');
}
