// The HTTP side of Backchannel: commands with retries (api-command), the query side (processor)
// and the chaos flags.

import { retryAfterMs } from './backoff.js';
import { ProblemError, problemOf, request } from './http.js';

/** 500, 503 and 429 are worth another try with the same commandId and body. */
export function isRetryable(status) {
  return status === 500 || status === 503 || status === 429;
}

/**
 * Sends a command with POST /api/commands until it is accepted, as the Java client's
 * CommandSender: every attempt carries the same commandId, the same bytes and
 * Idempotency-Key; 500/503/429 and network errors are retried after Retry-After when given,
 * else after the jittered exponential backoff; any other status is final.
 */
export class CommandSender {
  constructor(apiUrl, tokens, backoff, maxAttempts) {
    Object.assign(this, { url: `${apiUrl}/api/commands`, tokens, backoff, maxAttempts });
  }

  /**
   * Resolves with the 202 body. Rejects with a ProblemError (refused, not retried) or, when every
   * attempt failed, an Error with giveUp = true. listener.onRetryScheduled(delayMs, next, max).
   */
  async send(command, listener = {}) {
    const body = JSON.stringify(command);
    for (let attempt = 1; ; attempt++) {
      let response = null;
      let failure = null;
      try {
        response = await request(this.url, {
          method: 'POST', token: await this.tokens.token(), body,
          headers: { 'Idempotency-Key': command.commandId },
        });
      } catch (error) {
        failure = error;
      }
      if (response && response.status === 202) {
        return readAccepted(response, command.commandId);
      }
      if (response && !isRetryable(response.status)) {
        throw new ProblemError(response.status, await problemOf(response));
      }
      if (attempt >= this.maxAttempts) {
        const error = new Error(`no answer after ${attempt} attempts`, { cause: failure });
        error.giveUp = true;
        throw error;
      }
      const asked = response ? retryAfterMs(response.headers.get('Retry-After')) : null;
      const delayMs = asked ?? this.backoff.jittered(attempt);
      listener.onRetryScheduled?.(delayMs, attempt + 1, this.maxAttempts);
      await new Promise(resolve => setTimeout(resolve, delayMs));
    }
  }
}

async function readAccepted(response, commandId) {
  try {
    return await response.json();
  } catch {
    return { commandId, status: 'accepted', acceptedAt: new Date().toISOString() };
  }
}

/** The processor's read model: GET /api/items and GET /api/commands/{id}. */
export class QuerySide {
  constructor(queryUrl, tokens) {
    Object.assign(this, { queryUrl, tokens });
  }

  /** {items, lastEventId}: every page of one listing (lastEventId is the first page's). */
  async items() {
    const items = [];
    let cursor = null;
    let lastEventId = null;
    do {
      const query = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const response = await request(`${this.queryUrl}/api/items${query}`, { token: await this.tokens.token() });
      if (response.status !== 200) {
        throw new ProblemError(response.status, await problemOf(response));
      }
      const page = await response.json();
      if (cursor === null) {
        lastEventId = page.lastEventId;
      }
      items.push(...page.items);
      cursor = page.next ?? null;
    } while (cursor !== null);
    return { items, lastEventId };
  }

  /** {commandId, status, outcome}, or null (404) while not processed yet. */
  async commandStatus(commandId) {
    const response = await request(`${this.queryUrl}/api/commands/${encodeURIComponent(commandId)}`,
      { token: await this.tokens.token() });
    if (response.status === 404) {
      return null;
    }
    if (response.status !== 200) {
      throw new ProblemError(response.status, await problemOf(response));
    }
    return response.json();
  }
}

/** GET/PUT {api}/api/chaos; null from load() when chaos is disabled (404). */
export class ChaosApi {
  constructor(apiUrl, tokens) {
    Object.assign(this, { url: `${apiUrl}/api/chaos`, tokens });
  }

  async load() {
    const response = await request(this.url, { token: await this.tokens.token() });
    if (response.status === 404) {
      return null;
    }
    if (response.status !== 200) {
      throw new ProblemError(response.status, await problemOf(response));
    }
    return response.json();
  }

  async save(flags) {
    const response = await request(this.url, { method: 'PUT', token: await this.tokens.token(), body: flags });
    if (response.status !== 200) {
      throw new ProblemError(response.status, await problemOf(response));
    }
    return response.json().catch(() => flags);
  }
}
