// Signs one user in with POST {api}/api/sessions and keeps the token fresh, as the Java client's
// SessionTokens: a token with less than a fifth of its life (at most 30 s) left is replaced first.

import { ProblemError, problemOf, request } from './http.js';

const MAX_MARGIN_MS = 30_000;

export class SessionTokens {
  constructor(apiUrl, userId) {
    this.url = `${apiUrl}/api/sessions`;
    this.userId = userId;
    this.session = null;
    this.signingIn = null;
  }

  async token() {
    const current = this.session;
    if (current && Date.now() < current.expiresAtMs - current.marginMs) {
      return current.token;
    }
    return this.refresh();
  }

  /** A fresh token; callers asking at the same time share one sign-in. */
  refresh() {
    if (!this.signingIn) {
      this.signingIn = this.signIn().finally(() => { this.signingIn = null; });
    }
    return this.signingIn.then(session => session.token);
  }

  async signIn() {
    const asked = Date.now();
    const response = await request(this.url, { method: 'POST', body: { userId: this.userId } });
    if (response.status !== 201 && response.status !== 200) {
      throw new ProblemError(response.status, await problemOf(response));
    }
    const session = await response.json();
    const expiresAtMs = Date.parse(session.expiresAt);
    this.session = { ...session, expiresAtMs, marginMs: Math.min(MAX_MARGIN_MS, (expiresAtMs - asked) / 5) };
    return this.session;
  }
}
