// Toasts in the aria-live region, top right: success, failure, neutral. A toast with a key replaces
// the one shown with the same key (a command's "retrying" becomes its outcome). Each closes by
// itself after a while, or with its Dismiss button.

import { el } from './dom.js';

const STAYS_MS = { success: 6000, neutral: 6000, failure: 12000 };
const MAX_SHOWN = 5;

export class Toasts {
  constructor(region) {
    this.region = region;
  }

  success(text, key) {
    return this.show('success', text, key);
  }

  failure(text, key) {
    return this.show('failure', text, key);
  }

  neutral(text, key) {
    return this.show('neutral', text, key);
  }

  show(kind, text, key) {
    let toast = key ? [...this.region.children].find(node => node.dataset.key === key) : null;
    if (!toast) {
      toast = el('div', { className: 'toast', dataset: { testid: 'toast', ...(key ? { key } : {}) } },
        el('p', { className: 'toast-message', dataset: { testid: 'toast-message' } }),
        el('button', {
          type: 'button', className: 'toast-close', 'aria-label': 'Dismiss', title: 'Dismiss',
          dataset: { testid: 'toast-dismiss' }, onclick: () => toast.remove(),
        }, '×'));
      this.region.append(toast);
    }
    toast.dataset.kind = kind;
    toast.querySelector('.toast-message').textContent = text;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => toast.remove(), STAYS_MS[kind]);
    while (this.region.children.length > MAX_SHOWN) {
      this.region.firstElementChild.remove();
    }
    return toast;
  }
}
