// The receipts panel: one entry per command, newest first, with its state, message, retries and
// a timeline sent -> accepted -> processed -> pushed (times from the 202 answer and the frame's timing).

import { clock, el } from './dom.js';
import { action, failure } from './wording.js';

const STEPS = ['sent', 'accepted', 'processed', 'pushed'];

export class ReceiptsView {
  constructor(root, receipts) {
    this.list = root.querySelector('[data-testid="receipts-list"]');
    this.empty = root.querySelector('[data-testid="receipts-empty"]');
    this.entries = new Map();
    receipts.listen(receipt => this.render(receipt));
  }

  /** Shows "Retrying in ..." on the receipt until its next state. */
  retrying(commandId, text) {
    const entry = this.entries.get(commandId);
    if (entry) {
      entry.querySelector('[data-testid="receipt-attempts"]').textContent = text;
    }
  }

  render(receipt) {
    let entry = this.entries.get(receipt.commandId);
    if (!entry) {
      entry = newEntry(receipt);
      this.entries.set(receipt.commandId, entry);
      this.list.prepend(entry);
      this.empty.hidden = true;
    }
    entry.dataset.state = receipt.state;
    entry.querySelector('[data-testid="receipt-state"]').textContent = receipt.state;
    entry.querySelector('[data-testid="receipt-message"]').textContent = message(receipt);
    if (receipt.state !== 'sending') {
      entry.querySelector('[data-testid="receipt-attempts"]').textContent = '';
    }
    const times = timesOf(receipt);
    const start = Date.parse(times.sent ?? times.accepted ?? '');
    for (const step of STEPS) {
      const node = entry.querySelector(`[data-step="${step}"]`);
      node.classList.toggle('done', Boolean(times[step]));
      const after = times[step] && !Number.isNaN(start) ? ` (+${Math.max(0, Date.parse(times[step]) - start)} ms)` : '';
      node.querySelector('time').textContent = clock(times[step]) + after;
      if (times[step]) {
        node.querySelector('time').dateTime = times[step];
      }
    }
  }
}

function newEntry(receipt) {
  const what = receipt.command ? action(receipt.command) : 'from another window';
  return el('li', { className: 'receipt', dataset: { testid: 'receipt', commandId: receipt.commandId } },
    el('div', { className: 'receipt-head' },
      el('span', { className: 'receipt-action', dataset: { testid: 'receipt-action' } }, what),
      el('span', { className: 'badge', dataset: { testid: 'receipt-state' } })),
    el('p', { className: 'receipt-message', dataset: { testid: 'receipt-message' } }),
    el('p', { className: 'receipt-attempts', dataset: { testid: 'receipt-attempts' } }),
    el('ol', { className: 'timeline', dataset: { testid: 'receipt-timeline' }, 'aria-label': 'Timeline' },
      ...STEPS.map(step => el('li', { dataset: { step } }, el('span', { className: 'step' }, step), ' ', el('time')))));
}

function timesOf(receipt) {
  const timing = receipt.outcome?.timing ?? {};
  return {
    sent: receipt.sentAt,
    accepted: receipt.acceptedAt ?? timing.acceptedAt,
    processed: timing.processedAt,
    pushed: timing.pushedAt,
  };
}

function message(receipt) {
  switch (receipt.state) {
    case 'succeeded': return receipt.outcome.message;
    case 'failed':
    case 'rejected':
    case 'unknown': return failure(receipt);
    case 'accepted': return 'Accepted; waiting for the outcome…';
    default: return 'Sending…';
  }
}
