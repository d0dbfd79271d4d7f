// Notifications: each receiver of the built-in Alertmanager with its integrations and a test
// notification, and the delivery log (every attempt: sent, retrying, failed and why).
import { h, replace, badge, errorBox } from '../lib/dom.js';
import { time, ago } from '../lib/format.js';

export const title = 'Notifications';

const OUTCOMES = ['', 'sent', 'retrying', 'failed'];

export async function render(root, ctx) {
  const admin = !!ctx.me.admin;
  let receiver = ctx.params.get('receiver') || '';
  let outcome = ctx.params.get('outcome') || '';
  let data = { receivers: [], entries: [] };
  const results = new Map(); // receiver -> last test result node

  const receiverSelect = h('select', { id: 'notif-receiver', 'aria-label': 'Receiver' });
  const outcomeSelect = h('select', { id: 'notif-outcome', 'aria-label': 'Outcome' },
    OUTCOMES.map(o => h('option', { value: o, text: o ? o : 'Any outcome' })));
  outcomeSelect.value = outcome;
  const receiversHost = h('div', { class: 'grid receivers', id: 'notif-receivers' });
  const logHost = h('div', { id: 'notif-log' });
  const summary = h('p', { class: 'muted', role: 'status' });

  root.append(
    h('h1', { text: 'Notifications' }),
    receiversHost,
    h('h2', { text: 'Delivery log' }),
    h('div', { class: 'toolbar' },
      h('label', { for: 'notif-receiver', text: 'Receiver' }), receiverSelect,
      h('label', { for: 'notif-outcome', text: 'Outcome' }), outcomeSelect, summary),
    logHost);

  function save() {
    const p = {};
    if (receiver) p.receiver = receiver;
    if (outcome) p.outcome = outcome;
    ctx.setParams(p);
  }
  receiverSelect.addEventListener('change', () => { receiver = receiverSelect.value; save(); drawLog(); });
  outcomeSelect.addEventListener('change', () => { outcome = outcomeSelect.value; save(); drawLog(); });

  function drawReceivers(names) {
    const known = new Map(data.receivers.map(r => [r.name, r]));
    const all = [...new Set([...names, ...known.keys()])];
    const selected = receiver;
    replace(receiverSelect, h('option', { value: '', text: 'All receivers' }), all.map(n => h('option', { value: n, text: n })));
    receiverSelect.value = all.includes(selected) ? selected : '';
    replace(receiversHost, all.map(name => {
      const r = known.get(name) || { name, integrations: [] };
      const mine = data.entries.filter(e => e.receiver === name);
      const last = mine[0];
      const failed = mine.filter(e => e.outcome === 'failed').length;
      const sent = mine.filter(e => e.outcome === 'sent').length;
      const resultHost = results.get(name) || h('div', { class: 'test-result', 'aria-live': 'polite' });
      results.set(name, resultHost);
      const button = admin && r.integrations.length
        ? h('button', { type: 'button', class: 'test-button', dataset: { receiver: name }, text: 'Send test notification', onclick: e => sendTest(name, e.target, resultHost) })
        : null;
      return h('section', { class: 'panel receiver', dataset: { receiver: name }, 'aria-label': 'Receiver ' + name },
        h('h3', null, name),
        h('div', { class: 'muted', text: r.integrations.length ? 'Integrations: ' + r.integrations.join(', ') : 'No integrations: notifications to it go nowhere.' }),
        h('div', null, last ? ['Last attempt ', badge(last.outcome), ' ', h('span', { title: time(last.time), text: ago(last.time) })] : h('span', { class: 'muted', text: 'No delivery attempt yet.' })),
        h('div', { class: 'muted', text: `${sent} sent, ${failed} failed of the last ${mine.length} attempts kept` }),
        button ? h('div', { class: 'toolbar' }, button) : null,
        resultHost);
    }));
  }

  async function sendTest(name, button, out) {
    button.disabled = true;
    replace(out, h('span', { class: 'muted', text: 'Sending…' }));
    try {
      const res = await ctx.api.post('/api/vigil/v1/receivers/' + encodeURIComponent(name) + '/test', {});
      replace(out, res.sent
        ? h('p', { class: 'ok-text', text: `Test notification sent through ${res.results.map(r => r.integration).join(', ')}.` })
        : h('div', null, res.results.map(r => r.outcome === 'sent'
          ? h('p', { text: `${r.integration}: sent` })
          : h('p', { class: 'error', text: `${r.integration}: failed: ${r.error}` }))));
    } catch (e) {
      replace(out, errorBox(e));
    } finally {
      button.disabled = false;
    }
    await load();
  }

  function drawLog() {
    const rows = data.entries.filter(e => (!receiver || e.receiver === receiver) && (!outcome || e.outcome === outcome));
    summary.textContent = `${rows.length} of ${data.entries.length} attempts`;
    if (!rows.length) {
      replace(logHost, h('p', { class: 'empty', text: data.entries.length ? 'No attempt matches.' : 'No notification has been sent yet.' }));
      return;
    }
    const head = ['Time', 'Receiver', 'Integration', 'Group', 'Alerts', 'Attempt', 'Outcome', 'Why'];
    replace(logHost, h('table', { class: 'deliveries' },
      h('thead', null, h('tr', null, head.map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', null, rows.map(e => h('tr', { dataset: { receiver: e.receiver, outcome: e.outcome } },
        h('td', { title: e.time }, time(e.time), h('div', { class: 'muted', text: ago(e.time) })),
        h('td', { text: e.receiver }),
        h('td', { class: 'mono', text: e.integration }),
        h('td', { class: 'mono group-key', text: e.groupKey }),
        h('td', { text: String(e.alerts) }),
        h('td', { text: String(e.attempt) }),
        h('td', null, badge(e.outcome)),
        h('td', { class: 'error-text', text: e.error }))))));
  }

  async function load() {
    try {
      const [names, log] = await Promise.all([
        ctx.api.get('/api/v2/receivers', null, ctx.signal),
        ctx.api.get('/api/vigil/v1/notifications', null, ctx.signal),
      ]);
      data = log;
      drawReceivers(names.map(r => r.name));
      drawLog();
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(logHost, errorBox(e));
    }
  }

  await ctx.every(5000, load);
}
