// Where the services are. Order: ?api=...&query=... in the page's URL, then the gateway's
// /client-settings.json, then the defaults of the local run. The socket is on the page's own origin.

const DEFAULTS = { apiUrl: 'http://localhost:8081', queryUrl: 'http://localhost:8082', socketPath: '/ws' };

export async function loadSettings(location = window.location) {
  const params = new URLSearchParams(location.search);
  const served = await fetchServed();
  const pick = (param, key) => withoutTrailingSlash(params.get(param) || served[key] || DEFAULTS[key]);
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  return {
    apiUrl: pick('api', 'apiUrl'),
    queryUrl: pick('query', 'queryUrl'),
    socketUrl: scheme + location.host + (served.socketPath || DEFAULTS.socketPath),
    // only the gateway turns the test hooks on (never the page's URL); off by default
    testHooks: served.testHooks === true,
  };
}

async function fetchServed() {
  try {
    const response = await fetch('/client-settings.json', { cache: 'no-store' });
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

function withoutTrailingSlash(url) {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
