// Small DOM helpers: elements from data, never from HTML strings (no injection).

/** h('a', {href, class, onclick, dataset, attrs}, ...children): an element. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key in el && typeof value !== 'string') el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table: columns [{title, cell: row => node|string}], rows; an empty text when there are none. */
export function table(columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p', { class: 'empty', text: empty });
  return h('table', null,
    h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col', text: c.title })))),
    h('tbody', null, rows.map(r => h('tr', null, columns.map(c => h('td', null, c.cell(r)))))));
}

/** A state badge: its class is the state's name (up, down, firing, pending, ...). */
export function badge(state, text) {
  return h('span', { class: 'badge ' + String(state).toLowerCase(), text: text ?? state });
}

/** Labels as chips, sorted by name; __name__ first. */
export function labels(obj) {
  const names = Object.keys(obj || {}).sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b)));
  return h('span', { class: 'labels' }, names.map(n => h('span', { class: 'label', text: `${n}="${obj[n]}"` })));
}

/** An error message block. */
export function errorBox(err) {
  return h('div', { class: 'error', role: 'alert', text: String(err && err.message ? err.message : err) });
}
