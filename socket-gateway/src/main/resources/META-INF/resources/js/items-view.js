// The items list and its controls. Each row keeps a rename draft and the version it was started
// from: if someone else changes the item meanwhile, the draft stays (with a hint) and is sent with
// the version the user saw, so the conflict is real and reported.

import { el } from './dom.js';

const STATUSES = ['todo', 'doing', 'done'];

export class ItemsView {
  /**
   * actions: create(title, status), rename(item, title, expectedVersion), setStatus(item, status), remove(item),
   * select(id) (the row the user is on), editing(id, field or null) (the field they are in)
   */
  constructor(root, items, actions, me) {
    Object.assign(this, { items, actions, me });
    this.list = root.querySelector('[data-testid="items-list"]');
    this.empty = root.querySelector('[data-testid="items-empty"]');
    this.rows = new Map();
    const form = root.querySelector('[data-testid="create-form"]');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const title = form.querySelector('[data-testid="create-title"]');
      if (title.value.trim()) {
        actions.create(title.value.trim(), form.querySelector('[data-testid="create-status"]').value);
        title.value = '';
      }
    });
    items.listen(change => this.apply(change));
  }

  apply(change) {
    if (change.type === 'reloaded') {
      const ids = new Set(this.items.all().map(item => item.id));
      [...this.rows.keys()].filter(id => !ids.has(id)).forEach(id => this.removeRow(id));
      this.items.all().forEach(item => this.upsert(item, false));
      // the query side's order (most recently changed first)
      this.items.all().forEach(item => this.list.append(this.rows.get(item.id)));
    } else if (change.type === 'upserted') {
      this.upsert(change.item, true);
    } else {
      this.removeRow(change.id);
    }
    this.empty.hidden = this.rows.size > 0;
  }

  upsert(item, live) {
    const existing = this.rows.get(item.id);
    const row = existing || this.newRow(item);
    const changed = existing && Number(row.dataset.version) !== item.version;
    row.dataset.version = item.version;
    row.dataset.status = item.status;
    row.querySelector('[data-testid="item-title"]').textContent = item.title;
    row.querySelector('[data-testid="item-meta"]').textContent = `v${item.version} · ${item.updatedBy ?? '?'}`;
    row.querySelector('[data-testid="item-status"]').value = item.status;
    row.querySelector('[data-testid="item-status-label"]').textContent = `Status of '${item.title}'`;
    row.querySelector('[data-testid="item-rename-label"]').textContent = `New title for '${item.title}'`;
    row.querySelector('[data-testid="item-delete"]').setAttribute('aria-label', `Delete '${item.title}'`);
    const input = row.querySelector('[data-testid="item-rename-input"]');
    const hint = row.querySelector('[data-testid="item-stale-hint"]');
    if (input.dataset.baseVersion && Number(input.dataset.baseVersion) < item.version) {
      hint.textContent = `${item.updatedBy ?? 'Someone'} changed this while you were editing.`;
      hint.hidden = false;
    } else if (!input.dataset.baseVersion) {
      input.value = item.title;
    }
    if (!existing) {
      this.rows.set(item.id, row);
      this.list.prepend(row);
    }
    if (live && (changed || !existing) && item.updatedBy !== this.me) {
      row.classList.remove('flash');
      void row.offsetWidth; // restart the animation
      row.classList.add('flash');
    }
  }

  newRow(item) {
    const id = item.id;
    const current = () => this.items.get(id);
    const input = el('input', {
      id: `rename-${id}`, maxLength: 200, required: true, dataset: { testid: 'item-rename-input' },
      oninput: () => { input.dataset.baseVersion ||= String(current().version); },
      onfocus: () => this.actions.editing?.(id, 'title'),
      onblur: () => this.actions.editing?.(id, null),
      onkeydown: event => { if (event.key === 'Escape') { discardDraft(); } },
    });
    const hint = el('p', { className: 'stale', hidden: true, dataset: { testid: 'item-stale-hint' } });
    const discardDraft = () => {
      delete input.dataset.baseVersion;
      hint.hidden = true;
      input.value = current().title;
    };
    const rename = el('form', {
      className: 'rename', dataset: { testid: 'item-rename-form' },
      onsubmit: event => {
        event.preventDefault();
        const item = current();
        const title = input.value.trim();
        const expected = Number(input.dataset.baseVersion || item.version);
        delete input.dataset.baseVersion;
        hint.hidden = true;
        if (title && title !== item.title) {
          this.actions.rename(item, title, expected);
        } else {
          input.value = item.title;
        }
      },
    },
    el('label', { className: 'visually-hidden', htmlFor: input.id, dataset: { testid: 'item-rename-label' } }),
    input,
    el('button', { type: 'submit', dataset: { testid: 'item-rename' } }, 'Rename'));
    const status = el('select', {
      id: `status-${id}`, dataset: { testid: 'item-status' },
      onchange: () => this.actions.setStatus(current(), status.value),
      onfocus: () => this.actions.editing?.(id, 'status'),
      onblur: () => this.actions.editing?.(id, null),
    }, ...STATUSES.map(value => el('option', { value }, value)));
    const presence = el('p', { className: 'presence', hidden: true, dataset: { testid: 'item-presence' } });
    return el('li', {
      className: 'item', dataset: { testid: 'item-row', itemId: id },
      onclick: () => this.actions.select?.(id),
    },
      el('div', { className: 'item-head' },
        el('span', { className: 'title', dataset: { testid: 'item-title' } }),
        el('span', { className: 'meta', dataset: { testid: 'item-meta' } })),
      el('div', { className: 'item-controls' },
        rename,
        el('label', { className: 'visually-hidden', htmlFor: status.id, dataset: { testid: 'item-status-label' } }),
        status,
        el('button', {
          type: 'button', className: 'danger', dataset: { testid: 'item-delete' },
          onclick: () => this.actions.remove(current()),
        }, 'Delete')),
      hint,
      presence);
  }

  /** Marks the row the user is on (its record is watched: presence shows there). */
  markSelected(id) {
    this.rows.forEach((row, rowId) => row.classList.toggle('selected', rowId === id));
  }

  /** Who else is on the item: "bob is editing the title", or nothing. */
  showPresence(id, text) {
    const line = this.rows.get(id)?.querySelector('[data-testid="item-presence"]');
    if (line) {
      line.textContent = text;
      line.hidden = !text;
    }
  }

  removeRow(id) {
    this.rows.get(id)?.remove();
    this.rows.delete(id);
  }
}
