// Pushes on this device, in both apps (docs/apps.md "Web Push"): the browser subscribes with the server's VAPID
// public key (settings.json `webPushKey`) and the subscription is registered as a WEB device, which the server's
// Web Push client then sends to (docs/notifications.md); turning it off unsubscribes and removes the device. What
// a tapped push opens is sw.js's and main.js's part.
import { api, appVersion, Problem } from './api.js';

const DEVICE = 'garage.push.device';
// A push service answers a subscription within a few seconds; one that cannot be reached may never answer.
const SUBSCRIBE_WAIT_MS = 10_000;
let serverKey = null;

/** The server's VAPID public key from settings.json; none when it sends no Web Push. */
export function configurePush(key) {
  serverKey = key || null;
}

/**
 * Where pushes on this device stand: `unavailable` (the server sends none), `unsupported` (this browser cannot),
 * `blocked` (the person refused notifications in the browser), `on` or `off`.
 */
export function pushState() {
  if (!serverKey) return 'unavailable';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return 'unsupported';
  }
  if (Notification.permission === 'denied') return 'blocked';
  return localStorage.getItem(DEVICE) && Notification.permission === 'granted' ? 'on' : 'off';
}

/** Asks the browser's permission, subscribes and registers this device; an Error says in plain words what failed. */
export async function turnPushOn() {
  if (await Notification.requestPermission() !== 'granted') {
    throw new Error('Notifications are blocked for this app in the browser settings.');
  }
  const registration = await navigator.serviceWorker.ready;
  let subscription;
  try {
    subscription = await answeredWithin(SUBSCRIBE_WAIT_MS, registration.pushManager.subscribe({
      userVisibleOnly: true, applicationServerKey: keyBytes(serverKey) }));
  } catch (failure) {
    throw new Error(`This browser could not reach its push service (${failure.message}). Try again later.`);
  }
  const { endpoint, keys } = subscription.toJSON();
  const device = await api('/api/v1/devices', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { platform: 'WEB', subscription: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
      appVersion: appVersion(), osVersion: browserVersion(), locale: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } });
  localStorage.setItem(DEVICE, device.id);
}

/** Unsubscribes and removes the device; a device the server no longer has is gone already. */
export async function turnPushOff() {
  const registration = await navigator.serviceWorker.ready;
  await (await registration.pushManager.getSubscription())?.unsubscribe();
  const device = localStorage.getItem(DEVICE);
  if (device) {
    await api(`/api/v1/devices/${device}`, { method: 'DELETE' }).catch((failure) => {
      if (!(failure instanceof Problem && failure.status === 404)) throw failure;
    });
  }
  localStorage.removeItem(DEVICE);
}

function answeredWithin(milliseconds, promise) {
  return Promise.race([promise, new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${milliseconds / 1000} s`)), milliseconds);
  })]);
}

function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

/** The browser and its version as the device's "OS version", e.g. "Chrome 131.0.6778.85". */
function browserVersion() {
  const [, name, version] = /(Firefox|Edg|Chrome|Version)\/([\d.]+)/.exec(navigator.userAgent) || [];
  return name ? `${name === 'Version' ? 'Safari' : name} ${version}`.slice(0, 40) : 'web';
}
