// A token the page is given instead of the demo sign-in (an external issuer's), as the Java
// client's TokenSupplier. It arrives in the URL's fragment, #access_token=<jwt> (the OAuth 2.0
// fragment response) or #token=<jwt>: a fragment is never sent to any server, this one or another.
// The page removes it from the address bar at once and keeps it in this tab's sessionStorage, so a
// reload keeps it and a copied link does not carry it.

const STORAGE_KEY = 'backchannel.token';

export class GivenToken {
  constructor(value) {
    this.value = value;
  }

  async token() {
    return this.value;
  }

  /** Nothing newer to get: an expired token needs the page opened again with a new one. */
  refresh() {
    return Promise.resolve(this.value);
  }

  /** The user the token names in `claim` (for the page's label only; the services decide from the verified token). */
  claim(claim) {
    try {
      const payload = this.value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload))[claim] ?? null;
    } catch {
      return null;
    }
  }
}

/** The token given in the fragment (taken out of the address bar) or earlier in this tab, or null. */
export function takeGivenToken(location, history, storage) {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get('access_token') ?? fragment.get('token');
  if (fromFragment) {
    storage.setItem(STORAGE_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = storage.getItem(STORAGE_KEY);
  return token ? new GivenToken(token) : null;
}
