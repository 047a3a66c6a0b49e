// Exponential backoff, as the Java client's Backoff: the ceiling before retry n (1-based) is
// initial * multiplier^(n-1), capped at max. jittered() spreads command retries (x [0.5, 1.5)),
// fullJitter() spreads reconnects (uniform in [0, ceiling]).

export class Backoff {
  constructor(initialMs, maxMs, multiplier) {
    Object.assign(this, { initialMs, maxMs, multiplier });
  }

  ceiling(retry) {
    return Math.min(this.maxMs, this.initialMs * this.multiplier ** Math.max(0, retry - 1));
  }

  jittered(retry, random = Math.random) {
    return Math.min(this.maxMs, Math.floor(this.ceiling(retry) * (0.5 + random())));
  }

  fullJitter(retry, random = Math.random) {
    return Math.floor(random() * (this.ceiling(retry) + 1));
  }
}

/** Retry-After (RFC 9110) in ms: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header, now = Date.now()) {
  if (header == null || header.trim() === '') {
    return null;
  }
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
