// Calls to the BFF: the bearer token, the device id, RFC 9457 problems turned into errors the screens can show,
// and the RFC 9470 step-up challenge answered with a strong sign-in.
import { accessToken, refresh, signIn } from './auth.js';

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `request failed (${status})`);
    this.status = status;
    this.body = body;
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

export async function api(path, { method = 'GET', body, headers = {} } = {}, retried = false) {
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${accessToken()}`, 'X-Device-Id': deviceId(), Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !retried) return retryAfterUnauthorized(response, path, { method, body, headers });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Problem(response.status, parsed);
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
