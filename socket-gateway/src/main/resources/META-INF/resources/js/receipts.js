// Every command this page sent (and outcomes of this user's other windows), as the Java client's
// CommandReceipts: sending -> accepted -> succeeded | failed; rejected on a 4xx; unknown when no
// outcome came within the timeout after 202 (the query side is asked first). Outcomes are counted
// once (deduplicated by eventId; a settled receipt ignores later ones).

const FINAL = new Set(['succeeded', 'failed', 'rejected']);
const SEEN_LIMIT = 10_000;

export class Receipts {
  /** lookup(commandId) resolves with GET /api/commands/{id} (null on 404). */
  constructor(lookup, timeoutMs = 30_000) {
    this.lookup = lookup;
    this.timeoutMs = timeoutMs;
    this.receipts = new Map();
    this.seenEventIds = new Set();
    this.listeners = [];
  }

  /** listener(receipt, previousState) */
  listen(listener) {
    this.listeners.push(listener);
  }

  track(command) {
    this.put({ commandId: command.commandId, command, state: 'sending', sentAt: new Date().toISOString() }, null);
  }

  accepted(commandId, answer) {
    if (this.change(commandId, r => r.state === 'sending' ? { ...r, state: 'accepted', acceptedAt: answer.acceptedAt } : r)) {
      setTimeout(() => this.timedOut(commandId), this.timeoutMs);
    }
  }

  rejected(commandId, problem) {
    this.change(commandId, r => r.state === 'sending' ? { ...r, state: 'rejected', problem } : r);
  }

  gaveUp(commandId) {
    this.change(commandId, r => isFinal(r) ? r : { ...r, state: 'unknown' });
  }

  /** A command.succeeded or command.failed frame; other frames are ignored. */
  onFrame(frame) {
    if (frame.type !== 'command.succeeded' && frame.type !== 'command.failed') {
      return false;
    }
    if (this.seenEventIds.has(frame.eventId)) {
      return false;
    }
    if (this.seenEventIds.size >= SEEN_LIMIT) {
      this.seenEventIds.delete(this.seenEventIds.values().next().value);
    }
    this.seenEventIds.add(frame.eventId);
    const settled = { state: frame.type === 'command.succeeded' ? 'succeeded' : 'failed', outcome: frame };
    if (!this.receipts.has(frame.commandId)) {
      this.put({ commandId: frame.commandId, command: null, ...settled }, null);
      return true;
    }
    return this.change(frame.commandId, r => isFinal(r) ? r : { ...r, ...settled });
  }

  /** An answer of GET /api/commands/{id}. */
  onStatus(status) {
    return status?.outcome != null && this.onFrame(status.outcome);
  }

  unsettled() {
    return [...this.receipts.values()].filter(r => !isFinal(r));
  }

  all() {
    return [...this.receipts.values()];
  }

  async timedOut(commandId) {
    const receipt = this.receipts.get(commandId);
    if (!receipt || !isPending(receipt)) {
      return;
    }
    let status = null;
    try {
      status = await this.lookup(commandId);
    } catch (error) {
      console.warn('could not ask for command', commandId, error);
    }
    if (!this.onStatus(status)) {
      this.change(commandId, r => isPending(r) ? { ...r, state: 'unknown' } : r);
    }
  }

  put(receipt, previous) {
    this.receipts.set(receipt.commandId, receipt);
    this.listeners.forEach(listener => listener(receipt, previous));
  }

  change(commandId, transition) {
    const before = this.receipts.get(commandId);
    if (!before) {
      return false;
    }
    const after = transition(before);
    if (after.state === before.state) {
      return false;
    }
    this.put(after, before.state);
    return true;
  }
}

function isFinal(receipt) {
  return FINAL.has(receipt.state);
}

function isPending(receipt) {
  return receipt.state === 'sending' || receipt.state === 'accepted';
}
