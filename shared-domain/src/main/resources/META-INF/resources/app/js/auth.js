// Sign-in with the authorization code flow and PKCE (S256) against the garage's identity provider, tokens kept
// for the tab only (sessionStorage), refreshed before they expire, and sign-out at the provider.

const STORE = 'garage.tokens';
const PENDING = 'garage.pkce';
let settings;
let refreshTimer;

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${location.origin}/app/`;

export function configure(appSettings) {
  settings = appSettings;
}

/** Sends the browser to the provider's login page; {@code stepUp} asks for the strong sign-in RFC 9470 names. */
export async function signIn(stepUp) {
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const query = new URLSearchParams({
    client_id: settings.clientId, response_type: 'code', scope: settings.scope, redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  if (stepUp) {
    query.set('acr_values', stepUp.acrValues);
    query.set('max_age', String(stepUp.maxAge));
  }
  location.assign(`${settings.authorizationEndpoint}?${query}`);
}

/** After the provider sent the browser back: trades the code for tokens. True when signed in. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (!params.has('code') || !pending || params.get('state') !== pending.state) return false;
  sessionStorage.removeItem(PENDING);
  await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier });
  history.replaceState(null, '', `/app/${pending.returnTo || ''}`);
  return true;
}

export function signedIn() {
  return current() !== null;
}

export function accessToken() {
  return current()?.access;
}

export function signOut() {
  const tokens = current();
  sessionStorage.removeItem(STORE);
  clearTimeout(refreshTimer);
  if (!settings.endSessionEndpoint) {
    location.assign('/app/');
    return;
  }
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens?.id) query.set('id_token_hint', tokens.id);
  location.assign(`${settings.endSessionEndpoint}?${query}`);
}

/** Silent refresh: a new access token from the refresh token a minute before the old one expires. */
export function keepFresh() {
  const tokens = current();
  clearTimeout(refreshTimer);
  if (!tokens?.refresh) return;
  const due = Math.max(5_000, tokens.expiresAt - Date.now() - 60_000);
  refreshTimer = setTimeout(() => refresh().catch(() => sessionStorage.removeItem(STORE)), due);
}

export async function refresh() {
  const tokens = current();
  if (!tokens?.refresh) throw new Error('no refresh token');
  await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
}

function current() {
  return JSON.parse(sessionStorage.getItem(STORE) || 'null');
}

async function tokenRequest(fields) {
  const response = await fetch(settings.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...fields }),
  });
  if (!response.ok) throw new Error(`the sign-in was refused (${response.status})`);
  const body = await response.json();
  sessionStorage.setItem(STORE, JSON.stringify({
    access: body.access_token, refresh: body.refresh_token || current()?.refresh, id: body.id_token,
    expiresAt: Date.now() + (body.expires_in || 300) * 1000,
  }));
  keepFresh();
}
