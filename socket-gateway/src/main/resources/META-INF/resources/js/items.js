// The current items, as the Java client's ItemsView: loaded with GET /api/items (reload), kept up
// to date by entity.changed frames (onFrame). A change not newer than the item held (version) is
// ignored, and so is a late change to an item deleted by a later event (event ids sort in order).

export class Items {
  constructor() {
    this.items = new Map();
    this.deletedAtEvent = new Map();
    this.listeners = [];
  }

  /** listener({type: 'reloaded'|'upserted'|'removed', item?, id?}) */
  listen(listener) {
    this.listeners.push(listener);
  }

  reload(list) {
    this.items = new Map(list.items.map(item => [item.id, item]));
    this.deletedAtEvent.clear();
    this.emit({ type: 'reloaded' });
  }

  onFrame(frame) {
    if (frame.type !== 'entity.changed') {
      return false;
    }
    const item = frame.data;
    if (item == null) {
      this.deletedAtEvent.set(frame.entityId, frame.eventId);
      if (!this.items.delete(frame.entityId)) {
        return false;
      }
      this.emit({ type: 'removed', id: frame.entityId });
      return true;
    }
    const held = this.items.get(item.id);
    const deletedAt = this.deletedAtEvent.get(item.id);
    const stale = held ? held.version >= item.version : deletedAt != null && deletedAt >= frame.eventId;
    if (stale) {
      return false;
    }
    this.items.set(item.id, item);
    this.emit({ type: 'upserted', item });
    return true;
  }

  get(id) {
    return this.items.get(id);
  }

  all() {
    return [...this.items.values()];
  }

  emit(change) {
    this.listeners.forEach(listener => listener(change));
  }
}
