// Calls to the BFF: the bearer token, the device id, the app's build, RFC 9457 problems turned into errors the screens
// can show, and the RFC 9470 step-up challenge answered with a strong sign-in.
import { accessToken, refresh, signIn } from './auth.js';

let build = {};

/** Names this build (the version from settings.json) on every request, as X-App-Platform and X-App-Version. */
export function nameBuild(version) {
  build = { 'X-App-Platform': 'web', 'X-App-Version': version };
}

/** This build's version, as named on every request. */
export function appVersion() {
  return build['X-App-Version'] || '0.0.0';
}

export class Problem extends Error {
  constructor(status, body, retryAfter = null) {
    super(body?.detail || body?.title || `request failed (${status})`);
    this.status = status;
    this.body = body;
    /** Seconds to wait before asking again, when the server said (429, 503). */
    this.retryAfter = retryAfter;
  }

  get type() {
    return this.body?.type || '';
  }
}

export function deviceId() {
  let id = localStorage.getItem('garage.device');
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem('garage.device', id);
  }
  return id;
}

/** {@code keepalive} lets a small request finish while the page is being hidden or closed. */
export async function api(path, { method = 'GET', body, headers = {}, keepalive = false } = {}, retried = false) {
  const response = await fetch(path, {
    method,
    keepalive,
    headers: {
      Authorization: `Bearer ${accessToken()}`, 'X-Device-Id': deviceId(), Accept: 'application/json', ...build,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !retried) {
    return retryAfterUnauthorized(response, path, { method, body, headers, keepalive });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Problem(response.status, parsed, Number(response.headers.get('Retry-After')) || null);
  return parsed;
}

async function retryAfterUnauthorized(response, path, options) {
  const challenge = response.headers.get('WWW-Authenticate') || '';
  if (challenge.includes('insufficient_user_authentication')) {
    const acr = /acr_values="([^"]+)"/.exec(challenge)?.[1] || 'urn:garage:acr:strong';
    const maxAge = /max_age=(\d+)/.exec(challenge)?.[1] || '300';
    await signIn({ acrValues: acr, maxAge: Number(maxAge) });
    return new Promise(() => {});
  }
  await refresh();
  return api(path, options, true);
}

/** The API's answer, or when the network is away (not when the server refused), what {@code offline} gives. */
export async function apiOr(path, offline) {
  try {
    return await api(path);
  } catch (failure) {
    if (failure instanceof Problem) throw failure;
    return offline(failure);
  }
}
