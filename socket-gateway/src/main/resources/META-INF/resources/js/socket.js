// One logical socket to the gateway that survives drops, as the Java client's SocketSession:
// after a drop it reconnects with exponential backoff and full jitter, subscribes its topics again,
// then sends resume with the last event id seen. A reset frame, or a reconnect with nothing to
// resume from, is reported as state 'reset' so the owner reloads through the query side.
// Close codes (schemas CloseCodes): 4001 fetches a new token first; 1008 and 4003 stop for good.
// It offers backchannel.v2: the topics and the resume point then ride in the upgrade URL
// (?subscribe=...&resume=..., schemas/README.md), this window's presence is sent again after every
// reconnect, and token.expiring is answered with a fresh token in band (token.refresh).

const PROTOCOL = 'backchannel.v1';
const PROTOCOL_V2 = 'backchannel.v2';
const TOKEN_EXPIRED = 4001;
// the producer of an event that names none (contract v2, several producers)
const DEFAULT_SOURCE = 'processor';
const STOP_CODES = new Set([1008, 4003]);

export class SocketSession {
  /**
   * onState({kind: connecting|connected|resumed|reset|reconnecting|stopped|held, ...}),
   * onFrame(frame, {replayed}): replayed is true for frames that came between a reconnect's resume
   * and its welcome (resumed: true), i.e. not live.
   */
  constructor(url, tokens, backoff, { onState = () => {}, onFrame = () => {} } = {}) {
    Object.assign(this, { url, tokens, backoff, onState, onFrame });
    this.topics = new Set();
    this.presence = new Map();
    this.topicsInUpgrade = new Set();
    this.v2 = false;
    // the last event id seen of each source (contract v2, several producers: ids sort within a source)
    this.cursor = new Map();
    this.ws = null;
    this.generation = 0;
    this.retry = 0;
    this.everOpened = false;
    this.refreshToken = false;
    this.closed = false;
    this.held = false;
    this.timer = null;
    this.replaying = false;
  }

  start() {
    this.connect();
  }

  subscribe(topic) {
    if (!this.topics.has(topic)) {
      this.topics.add(topic);
      this.send({ type: 'subscribe', topic });
    }
  }

  unsubscribe(topic) {
    this.presence.delete(topic);
    if (this.topics.delete(topic)) {
      this.send({ type: 'unsubscribe', topic });
    }
  }

  /** This window is on the topic (subscribed first), doing state (null: just looking); kept across reconnects. */
  setPresence(topic, state) {
    this.subscribe(topic);
    this.presence.set(topic, state);
    if (this.v2) {
      this.send(presenceSet(topic, state));
    }
  }

  clearPresence(topic) {
    if (this.presence.delete(topic) && this.v2) {
      this.send({ type: 'presence.clear', topic });
    }
  }

  /** The last event id seen of the default source (what GET /api/items and a v1 resume name). */
  get lastEventId() {
    return this.cursor.get(DEFAULT_SOURCE) ?? null;
  }

  /** Notes an event id already covered elsewhere (the lastEventId of GET /api/items), or of a source. */
  seenUpTo(eventId, source = DEFAULT_SOURCE) {
    const had = this.cursor.get(source);
    if (eventId && (had == null || eventId > had)) {
      this.cursor.set(source, eventId);
    }
  }

  /** Every other source's last event id, for resume's cursor (null when there is none). */
  otherSources() {
    const others = [...this.cursor].filter(([source]) => source !== DEFAULT_SOURCE);
    return others.length ? Object.fromEntries(others) : null;
  }

  /** Closes the socket as a network drop would; it reconnects and resumes by itself. */
  drop() {
    this.ws?.close(4000, 'dropped on purpose');
  }

  /** Drops the socket and stays offline until release(), as a laptop lid closed and opened. */
  hold() {
    this.held = true;
    clearTimeout(this.timer);
    const ws = this.ws;
    this.generation++;
    this.ws = null;
    ws?.close(4000, 'held offline');
    this.publish({ kind: 'held' });
  }

  release() {
    if (this.held) {
      this.held = false;
      this.connect();
    }
  }

  close() {
    this.closed = true;
    this.generation++;
    clearTimeout(this.timer);
    this.ws?.close(1000, 'client closing');
    this.ws = null;
    this.publish({ kind: 'stopped', code: 1000, reason: 'signed out' });
  }

  send(request) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(request));
    }
  }

  async connect() {
    if (this.closed || this.held) {
      return;
    }
    const current = ++this.generation;
    const refresh = this.refreshToken;
    this.refreshToken = false;
    this.publish({ kind: 'connecting', attempt: this.retry });
    let token;
    try {
      token = await (refresh ? this.tokens.refresh() : this.tokens.token());
    } catch (error) {
      this.dropped(current, { code: 0, reason: `sign-in failed: ${error.message}`, refresh: true });
      return;
    }
    if (current !== this.generation) {
      return;
    }
    this.topicsInUpgrade = new Set(this.topics);
    const ws = new WebSocket(this.upgradeUrl(),
      [PROTOCOL_V2, PROTOCOL, `quarkus-http-upgrade#Authorization#Bearer%20${token}`]);
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.opened(current, ws);
    };
    ws.onmessage = message => this.received(current, message.data);
    // A browser hides the status of a refused upgrade (401 and a network error look alike), so a
    // socket that never opened gets a fresh token before the next attempt, as a 401 would.
    ws.onclose = event => this.dropped(current, {
      code: event.code, reason: event.reason || (opened ? 'connection lost' : 'could not connect'),
      refresh: !opened || event.code === TOKEN_EXPIRED,
    });
  }

  /** The socket URL with the v2 start: the topics to subscribe and the event id to resume after. */
  upgradeUrl() {
    const url = new URL(this.url, location.href);
    this.topics.forEach(topic => url.searchParams.append('subscribe', topic));
    if (this.lastEventId != null) {
      url.searchParams.set('resume', this.lastEventId);
    }
    Object.entries(this.otherSources() ?? {}).forEach(([source, eventId]) =>
      url.searchParams.set(`resume.${source}`, eventId));
    return url.toString();
  }

  opened(current, ws) {
    if (current !== this.generation || this.closed || this.held) {
      ws.close(1000, 'superseded');
      return;
    }
    this.ws = ws;
    const resumeFrom = this.cursor.size ? this.lastEventId : null;
    const cursor = this.otherSources();
    const reconnected = this.everOpened;
    this.everOpened = true;
    this.reconnected = reconnected;
    this.replaying = reconnected && this.cursor.size > 0;
    this.v2 = ws.protocol === PROTOCOL_V2;
    // topics first: the gateway replays the events of the topics subscribed when resume arrives
    // (v2: those in the upgrade URL are subscribed and resumed already)
    [...this.topics].filter(topic => !this.v2 || !this.topicsInUpgrade.has(topic))
      .forEach(topic => this.send({ type: 'subscribe', topic }));
    if (this.v2) {
      this.presence.forEach((state, topic) => this.send(presenceSet(topic, state)));
    }
    if (this.cursor.size && !this.v2) {
      this.send({ type: 'resume', ...(resumeFrom != null && { lastEventId: resumeFrom }), ...(cursor && { cursor }) });
    } else if (!this.cursor.size && reconnected) {
      this.publish({ kind: 'reset', reason: 'reconnected with no event id to resume from' });
    }
  }

  received(current, text) {
    if (current !== this.generation) {
      return;
    }
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      console.warn('dropped a frame that is not JSON', text);
      return;
    }
    if (!frame || typeof frame.type !== 'string') {
      console.warn('dropped a frame without type', text);
      return;
    }
    if (frame.eventId) {
      this.seenUpTo(frame.eventId, frame.source ?? DEFAULT_SOURCE);
    }
    if (frame.type === 'welcome') {
      this.retry = 0;
      this.connectionId = frame.connectionId;
      // the first socket also resumes (from the list's lastEventId), but there was nothing to miss
      const resumed = frame.resumed && this.reconnected;
      if (frame.resumed) {
        this.replaying = false;
      }
      this.publish({ kind: resumed ? 'resumed' : 'connected', connectionId: frame.connectionId });
    } else if (frame.type === 'reset') {
      this.replaying = false;
      // the gateway could not vouch for the resume point (maybe from before a data reset): the reload
      // this triggers starts it again
      this.cursor.clear();
      this.publish({ kind: 'reset', reason: frame.reason });
    } else if (frame.type === 'token.expiring') {
      this.tokens.refresh().then(token => {
        if (current === this.generation) {
          this.send({ type: 'token.refresh', token });
        }
      }, error => console.warn('could not refresh the token; the socket reconnects when it expires', error));
    } else if (frame.type === 'error') {
      console.warn('gateway refused a request', frame.code, frame.message);
    }
    this.onFrame(frame, { replayed: this.replaying });
  }

  dropped(current, { code, reason, refresh }) {
    if (current !== this.generation || this.closed) {
      return;
    }
    this.generation++;
    this.ws = null;
    this.v2 = false;
    if (STOP_CODES.has(code)) {
      this.closed = true;
      this.publish({ kind: 'stopped', code, reason });
      return;
    }
    if (this.held) {
      return;
    }
    this.refreshToken = refresh;
    const attempt = ++this.retry;
    const delayMs = this.backoff.fullJitter(attempt);
    this.publish({ kind: 'reconnecting', delayMs, attempt, code, reason });
    this.timer = setTimeout(() => this.connect(), delayMs);
  }

  publish(state) {
    this.state = state;
    this.onState(state);
  }
}

function presenceSet(topic, state) {
  return state == null ? { type: 'presence.set', topic } : { type: 'presence.set', topic, state };
}
