// The public REST API, called with the session cookie; writes carry the CSRF token from the XSRF-TOKEN cookie.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

const listeners = new Set();
/** Called with 401 answers (the session ended). */
export const onUnauthorized = (fn) => listeners.add(fn);

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export async function request(method, path, body, opts = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let payload = body;
  if (body instanceof FormData || body instanceof URLSearchParams) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 401 && !opts.quiet401) listeners.forEach((fn) => fn());
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem || { title: 'HTTP ' + res.status });
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const get = (path, params) => request('GET', params ? path + '?' + query(params) : path);
export const post = (path, body) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

/** GET that answers null for 404 (an endpoint or record that is not there yet). */
export async function getOrNull(path, params) {
  try { return await get(path, params); } catch (e) { if (e.status === 404) return null; throw e; }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  return q.toString();
}

export async function login(username, password) {
  return request('POST', '/login', new URLSearchParams({ username, password }), { quiet401: true });
}

export const logout = () => request('POST', '/logout');
