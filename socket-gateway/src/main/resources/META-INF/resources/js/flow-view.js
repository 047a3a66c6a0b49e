// The flow view: a table with one lane (row) per command this page sent, newest first, and one cell
// per hop saying ok / failed / pending / skipped in words and a mark, with its time and what
// happened there (attempts, deliveries, publish attempts, live or not). Updated as frames arrive.

import { el } from './dom.js';
import { HOPS, hopsOf, isSettled, shortId } from './flow.js';
import { action } from './wording.js';

const MARK = { ok: '✓', failed: '✗', pending: '…', skipped: '–' };
const WORD = { ok: 'ok', failed: 'failed', pending: 'pending', skipped: 'skipped' };

export class FlowView {
  constructor(root, toggle, flow) {
    Object.assign(this, { root, toggle, flow });
    this.body = root.querySelector('[data-testid="flow-lanes"]');
    this.empty = root.querySelector('[data-testid="flow-empty"]');
    this.rows = new Map();
    toggle.addEventListener('click', () => this.show(root.hidden));
    flow.listen(lane => lane ? this.render(lane) : this.prune());
  }

  show(open) {
    this.root.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? 'Hide flow' : 'Flow view';
    if (open) {
      this.root.scrollIntoView?.({ block: 'nearest' });
    }
  }

  render(lane) {
    let row = this.rows.get(lane.commandId);
    if (!row) {
      row = newRow(lane);
      this.rows.set(lane.commandId, row);
      this.body.prepend(row);
      this.empty.hidden = true;
    }
    row.dataset.state = lane.state;
    row.dataset.settled = String(isSettled(lane));
    const state = row.querySelector('[data-testid="flow-state"]');
    state.textContent = lane.state;
    state.dataset.state = lane.state;
    const trace = lane.outcome?.traceId;
    const traceCell = row.querySelector('[data-testid="flow-trace"]');
    traceCell.textContent = trace ? trace.slice(0, 8) : '—';
    traceCell.title = trace ?? 'no trace id yet';
    for (const hop of hopsOf(lane)) {
      const cell = row.querySelector(`[data-testid="flow-hop-${hop.name}"]`);
      cell.dataset.state = hop.state;
      cell.querySelector('.hop-mark').textContent = MARK[hop.state];
      cell.querySelector('.hop-word').textContent = WORD[hop.state];
      cell.querySelector('.hop-time').textContent = hop.ms != null ? ms(hop.ms) : '';
      cell.querySelector('.hop-detail').textContent = hop.detail ?? '';
    }
  }

  /** Drops the rows of lanes the flow no longer keeps. */
  prune() {
    const kept = new Set(this.flow.lanes().map(lane => lane.commandId));
    for (const [id, row] of this.rows) {
      if (!kept.has(id)) {
        row.remove();
        this.rows.delete(id);
      }
    }
    this.empty.hidden = this.rows.size > 0;
  }
}

function newRow(lane) {
  const what = action(lane.command);
  return el('tr', { className: 'flow-lane', dataset: { testid: 'flow-lane', commandId: lane.commandId } },
    el('th', { scope: 'row', className: 'flow-command' },
      el('span', { className: 'flow-what', dataset: { testid: 'flow-title' } }, what),
      el('code', { className: 'flow-id', dataset: { testid: 'flow-command-id' }, title: lane.commandId },
        shortId(lane.commandId))),
    ...HOPS.map(name => el('td', { className: 'hop', dataset: { testid: `flow-hop-${name}`, hop: name, state: 'pending' } },
      el('span', { className: 'hop-mark', 'aria-hidden': 'true' }),
      el('span', { className: 'hop-word' }), ' ',
      el('span', { className: 'hop-time' }),
      el('span', { className: 'hop-detail' }))),
    el('td', { className: 'flow-final' }, el('span', { className: 'badge', dataset: { testid: 'flow-state' } })),
    el('td', {}, el('code', { className: 'flow-id', dataset: { testid: 'flow-trace' } })));
}

/** "35 ms", "1.52 s". */
function ms(value) {
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}
