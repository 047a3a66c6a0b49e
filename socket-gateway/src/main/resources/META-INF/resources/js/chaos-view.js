// The chaos panel: GET {api}/api/chaos fills a form, Apply PUTs the whole document back, Calm sets
// every rate to 0. A 404 means chaos is disabled in configuration: "Chaos is off".

import { el } from './dom.js';

const RATES = [
  ['apiErrorRate', 'API errors (500)'],
  ['processorFailureRate', 'Processing failures'],
  ['processorCrashRate', 'Processor crashes'],
  ['publishFailureRate', 'Publish failures'],
  ['gatewayDisconnectRate', 'Socket drops'],
];

export class ChaosView {
  constructor(root, api, toasts) {
    Object.assign(this, { api, toasts });
    this.status = root.querySelector('[data-testid="chaos-status"]');
    this.form = root.querySelector('[data-testid="chaos-form"]');
    this.flags = null;
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.save(this.read());
    });
  }

  async load() {
    try {
      this.flags = await this.api.load();
    } catch (error) {
      this.status.textContent = `Could not read the chaos flags: ${error.message}`;
      return;
    }
    if (this.flags == null) {
      this.status.textContent = 'Chaos is off (disabled in configuration).';
      this.status.dataset.state = 'off';
      this.form.hidden = true;
      return;
    }
    this.status.textContent = 'Faults injected on purpose, for every user. Rates are 0 to 1.';
    this.status.dataset.state = 'on';
    this.render();
  }

  render() {
    const number = (name, value, attrs) => el('input', {
      id: `chaos-${name}`, name, type: 'number', value: String(value ?? 0), required: true,
      dataset: { testid: `chaos-${name}` }, ...attrs,
    });
    const rate = name => number(name, this.flags[name], { min: '0', max: '1', step: 'any' });
    const delay = this.flags.queueDelayMs ?? { min: 0, max: 0 };
    this.form.replaceChildren(
      ...RATES.map(([name, label]) => el('div', { className: 'field' },
        el('label', { htmlFor: `chaos-${name}` }, label), rate(name))),
      el('div', { className: 'field' }, el('label', { htmlFor: 'chaos-delayMin' }, 'Queue delay min (ms)'),
        number('delayMin', delay.min, { min: '0', step: 'any' })),
      el('div', { className: 'field' }, el('label', { htmlFor: 'chaos-delayMax' }, 'Queue delay max (ms)'),
        number('delayMax', delay.max, { min: '0', step: 'any' })),
      el('div', { className: 'actions' },
        el('button', { type: 'submit', dataset: { testid: 'chaos-apply' } }, 'Apply'),
        el('button', {
          type: 'button', className: 'secondary', dataset: { testid: 'chaos-calm' },
          onclick: () => this.save({ ...this.read(), ...Object.fromEntries(RATES.map(([name]) => [name, 0])) }),
        }, 'Calm')));
    this.form.hidden = false;
  }

  read() {
    const value = name => Number(this.form.elements[name].value);
    return {
      ...this.flags,
      ...Object.fromEntries(RATES.map(([name]) => [name, value(name)])),
      queueDelayMs: { min: value('delayMin'), max: value('delayMax') },
    };
  }

  async save(flags) {
    try {
      this.flags = await this.api.save(flags);
      this.render();
      this.toasts.success('Chaos flags applied.', 'chaos');
    } catch (error) {
      this.toasts.failure(`Chaos not changed: ${error.message}`, 'chaos');
    }
  }
}
