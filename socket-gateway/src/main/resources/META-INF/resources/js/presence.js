// Who is on each topic this window follows, from the gateway's presence frames (v2), as the Java
// client's PresenceView: a snapshot replaces a topic's members; joined / changed / left update them.
// Members are users with their window count; the own user is among them.

const PRESENCE_TYPES = new Set(['presence', 'presence.joined', 'presence.changed', 'presence.left']);

export class Presence {
  constructor() {
    this.byTopic = new Map();
    this.listeners = [];
  }

  listen(listener) {
    this.listeners.push(listener);
  }

  /** Applies a presence frame; returns whether it was one. */
  onFrame(frame) {
    if (!PRESENCE_TYPES.has(frame.type)) {
      return false;
    }
    const members = this.byTopic.get(frame.topic) ?? new Map();
    if (frame.type === 'presence') {
      members.clear();
      frame.members.forEach(m => members.set(m.userId, { ...m }));
    } else if (frame.type === 'presence.left') {
      members.delete(frame.userId);
    } else {
      const held = members.get(frame.userId);
      members.set(frame.userId, {
        userId: frame.userId, windows: frame.windows ?? held?.windows ?? 1, state: frame.state ?? null,
        since: held?.since ?? null,
      });
    }
    this.byTopic.set(frame.topic, members);
    this.listeners.forEach(listener => listener(frame.topic));
    return true;
  }

  forget(topic) {
    this.byTopic.delete(topic);
    this.listeners.forEach(listener => listener(topic));
  }

  /** The members of the topic other than userId, by user id. */
  others(topic, userId) {
    return [...(this.byTopic.get(topic)?.values() ?? [])].filter(m => m.userId !== userId)
      .sort((a, b) => a.userId.localeCompare(b.userId));
  }
}

/** "bob is editing the title", "bob is looking", "bob (2 windows) is editing the status". */
export function describeMember(member) {
  const who = member.windows > 1 ? `${member.userId} (${member.windows} windows)` : member.userId;
  const field = typeof member.state?.editing === 'string' ? member.state.editing : null;
  return field ? `${who} is editing the ${field}` : `${who} is looking`;
}
