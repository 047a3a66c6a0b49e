// The socket's state in words, as the desktop indicator: "Connected", "Reconnecting in 3 s
// (attempt 2)" counting down, "Resumed: caught up", "Reset: reloaded the list", "Disconnected".

export class ConnectionView {
  constructor(node) {
    this.node = node;
    this.ticker = null;
  }

  show(state) {
    clearInterval(this.ticker);
    switch (state.kind) {
      case 'connecting':
        return this.set(state.kind, state.attempt ? `Connecting (attempt ${state.attempt})…` : 'Connecting…');
      case 'connected': return this.set(state.kind, 'Connected');
      case 'resumed': return this.set(state.kind, 'Resumed: caught up on what was missed');
      case 'reset': return this.set(state.kind, 'Reset: reloaded the list');
      case 'held': return this.set(state.kind, 'Offline (held)');
      case 'stopped': return this.set(state.kind, `Disconnected: ${state.reason || 'closed'}`);
      case 'reconnecting': {
        const until = Date.now() + state.delayMs;
        const tick = () => {
          const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
          this.set(state.kind, `Reconnecting in ${seconds} s (attempt ${state.attempt})`);
        };
        tick();
        this.ticker = setInterval(tick, 1000);
        return undefined;
      }
      default: return this.set(state.kind, state.kind);
    }
  }

  set(kind, text) {
    this.node.dataset.state = kind;
    this.node.textContent = text;
  }
}
