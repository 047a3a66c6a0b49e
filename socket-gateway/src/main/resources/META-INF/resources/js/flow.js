// The flow of the last commands this page sent, hop by hop: api (the POST and its retries), queue
// (accepted -> delivered to the processor), processor (delivered -> processed), outbox (processed ->
// published), gateway (published -> pushed) and client (pushed -> received here). Times come from
// the frame's timing (server clocks) and from this page (sent, answered, received); a field a
// frame does not carry yet leaves its hop without a time, not failed.
//
// A hop is 'pending' until it happened, 'ok' or 'failed' (a fault happened there, even when the
// system recovered: a retried POST, a redelivery, a retried publish, a frame that came through a
// resume or the query side rather than live), or 'skipped' when the command ended before it.

export const HOPS = ['api', 'queue', 'processor', 'outbox', 'gateway', 'client'];

const SETTLED = new Set(['succeeded', 'failed', 'rejected', 'unknown']);

export class Flow {
  constructor(limit = 20, now = () => Date.now()) {
    Object.assign(this, { limit, now });
    this.byId = new Map();
    this.listeners = [];
  }

  /** listener(lane), after every change of a lane; listener(null) when lanes were dropped. */
  listen(listener) {
    this.listeners.push(listener);
  }

  /** Newest first. */
  lanes() {
    return [...this.byId.values()].reverse();
  }

  sent(command) {
    this.byId.set(command.commandId, {
      commandId: command.commandId, command, state: 'sending', sentAt: this.now(),
      attempts: 1, failedAttempts: 0, answeredAt: null, api: null,
      outcome: null, via: null, receivedAt: null,
    });
    let dropped = false;
    while (this.byId.size > this.limit) {
      this.byId.delete(this.byId.keys().next().value);
      dropped = true;
    }
    if (dropped) {
      this.emit(null);
    }
    this.emit(this.byId.get(command.commandId));
  }

  /** An attempt failed (500/503/429 or no answer) and another one is coming. */
  retrying(commandId) {
    this.change(commandId, lane => ({ ...lane, attempts: lane.attempts + 1, failedAttempts: lane.failedAttempts + 1 }));
  }

  /** The 202 answer. */
  accepted(commandId, answer) {
    this.change(commandId, lane => lane.api ? lane
      : { ...lane, api: 'accepted', answeredAt: this.now(), acceptedAt: answer?.acceptedAt });
  }

  /** A final 4xx (problem.status), or every attempt failed (problem null). */
  refused(commandId, problem) {
    this.change(commandId, lane => lane.api ? lane : {
      ...lane, api: problem ? 'refused' : 'gave-up', answeredAt: this.now(), problem,
      failedAttempts: lane.failedAttempts + 1,
    });
  }

  /**
   * A command.succeeded or command.failed frame; via: 'live', 'resume' (replayed after a
   * reconnect) or 'query' (GET /api/commands/{id}, after a reset or a timeout). The first wins.
   */
  outcome(frame, via) {
    if (frame?.type !== 'command.succeeded' && frame?.type !== 'command.failed') {
      return;
    }
    this.change(frame.commandId, lane => lane.outcome ? lane
      : { ...lane, outcome: frame, via, receivedAt: this.now() });
  }

  /** The receipt's state: sending, accepted, succeeded, failed, rejected, unknown. */
  state(commandId, state) {
    this.change(commandId, lane => lane.state === state ? lane : { ...lane, state });
  }

  change(commandId, transition) {
    const before = this.byId.get(commandId);
    if (!before) {
      return; // not sent from this page, or dropped from the last N
    }
    const after = transition(before);
    if (after !== before) {
      this.byId.set(commandId, after);
      this.emit(after);
    }
  }

  emit(lane) {
    this.listeners.forEach(listener => listener(lane));
  }
}

/** Whether the lane has its final state (unknown may still turn into an outcome). */
export function isSettled(lane) {
  return SETTLED.has(lane.state);
}

/** [{name, state: ok|failed|pending|skipped, ms (or null), detail}] in HOPS order. */
export function hopsOf(lane) {
  const t = lane.outcome?.timing ?? {};
  const ended = lane.outcome == null && (lane.api === 'refused' || lane.api === 'gave-up'
    || lane.state === 'rejected' || lane.state === 'unknown');
  const has = lane.outcome != null;
  const accepted = at(t.acceptedAt ?? lane.acceptedAt);
  const delivered = at(t.deliveredAt);
  const processed = at(t.processedAt);
  const published = at(t.publishedAt);
  const pushed = at(t.pushedAt);
  const later = (name, done, ms, failed, detail) => ({
    name, ms, detail,
    state: failed ? 'failed' : done ? 'ok' : ended ? 'skipped' : 'pending',
  });

  const attempts = `${lane.attempts} attempt${lane.attempts === 1 ? '' : 's'}`
    + (lane.failedAttempts ? `, ${lane.failedAttempts} failed` : '');
  const api = {
    name: 'api',
    ms: lane.answeredAt != null ? lane.answeredAt - lane.sentAt : null,
    detail: lane.api === 'refused' ? `refused (${lane.problem?.status ?? '4xx'})`
      : lane.api === 'gave-up' ? `gave up after ${attempts}` : attempts,
    state: lane.api === 'refused' || lane.api === 'gave-up' || (lane.api && lane.failedAttempts > 0) ? 'failed'
      : lane.api ? 'ok' : 'pending',
  };
  const redelivered = (t.deliveryCount ?? 1) > 1;
  const failedOutcome = lane.outcome?.type === 'command.failed';
  const republished = (t.publishAttempts ?? 1) > 1;
  const notLive = lane.via != null && lane.via !== 'live';
  return [
    api,
    later('queue', has || delivered != null, span(accepted, delivered), false,
      delivered != null ? 'accepted → delivered' : has ? 'not reported' : 'waiting'),
    later('processor', has, span(delivered ?? accepted, processed), has && (redelivered || failedOutcome),
      [t.deliveryCount != null ? `delivered ${t.deliveryCount}×` : null,
        failedOutcome ? `failed: ${lane.outcome.error?.code ?? 'error'}` : null].filter(Boolean).join(', ')),
    later('outbox', has, span(processed, published), has && republished,
      t.publishAttempts != null ? `${t.publishAttempts} publish attempt${t.publishAttempts === 1 ? '' : 's'}`
        : has ? 'not reported' : ''),
    later('gateway', has, span(published ?? processed, pushed), false,
      pushed == null ? (has ? 'not reported' : '') : published != null ? 'published → pushed' : 'processed → pushed'),
    later('client', has, span(pushed, lane.receivedAt), has && notLive,
      lane.via === 'live' ? 'live' : lane.via === 'resume' ? 'via resume' : lane.via === 'query' ? 'via reload' : ''),
  ];
}

/** The command's short id (its first 8 hex digits). */
export function shortId(id) {
  return id ? String(id).slice(0, 8) : '—';
}

function at(iso) {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** Milliseconds from -> to, never negative (clocks of two machines may disagree a little). */
function span(from, to) {
  return from != null && to != null ? Math.max(0, to - from) : null;
}
