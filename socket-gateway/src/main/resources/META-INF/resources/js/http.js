// What every HTTP call shares: a timeout, JSON bodies, and RFC 9457 problems as errors.

export const REQUEST_TIMEOUT_MS = 10_000;

/** A refused request, with the problem+json body (or what could be made of the answer). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function problemOf(response) {
  try {
    const body = await response.json();
    return { status: response.status, ...body };
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
  }
}

export function request(url, { method = 'GET', token, headers = {}, body } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (token) {
    all.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  return fetch(url, {
    method,
    headers: all,
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}
