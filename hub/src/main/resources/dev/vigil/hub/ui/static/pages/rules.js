// Placeholder while the page is written (hub UI issue).
import { h } from '../lib/dom.js';

export const title = 'Rules';

export async function render(root) {
  root.append(h('h1', { text: 'Rules' }));
}
