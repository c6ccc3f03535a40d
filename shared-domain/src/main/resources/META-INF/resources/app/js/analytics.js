// Product analytics of both apps (docs/analytics.md "In the web apps"): what a person does is queued on this device
// and sent to POST /api/v1/analytics/events in batches of at most 50 — a moment after it happened, at start, when the
// network returns and when the page is hidden. Whatever the server answered for an event (accepted, duplicate or
// rejected) is taken off the queue; a network failure, 5xx or 429 leaves it for the next try. Analytics never breaks
// or holds up a screen: a failure here is swallowed and nobody waits for a send.
import { api, Problem } from './api.js';
import { signedIn } from './auth.js';

const QUEUE = 'garage.analytics';
const SESSION = 'garage.analytics.session';
const BATCH = 50;
const KEEP = 1000;
// The server refuses events older than its 72 h late bound; a few minutes less, so none goes stale on the way.
const LATE_BOUND_MS = (72 * 60 - 5) * 60_000;
const SETTLE_MS = 2_000;

let timer;
let pausedUntil = 0;
let flushing = null;

/** Queues one event with its properties (only those its schema declares) and sends the queue shortly after. */
export function track(name, properties = {}) {
  try {
    save([...queued(), { id: uuidv7(), name, clientTime: new Date().toISOString(),
      offline: !navigator.onLine, properties }]);
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  } catch {
    // Storage full or refused: this event is lost, the screen goes on.
  }
}

// A time-ordered UUID (version 7, RFC 9562): the server's index of the ids it has seen then grows at its end rather than
// everywhere, which is what keeps deduplicating a week of events cheap (docs/analytics.md "Measured").
function uuidv7() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This tab's session: started (and sent as session.started) the first time it is asked for. */
function sessionId() {
  let id = sessionStorage.getItem(SESSION);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(SESSION, id);
    track('session.started', { sessionId: id });
  }
  return id;
}

export function screenViewed(screen) {
  track('screen.viewed', { screen, sessionId: sessionId() });
}

/** Sends what is queued, batch after batch; resolves when done or when it has to wait, and never rejects. */
export function flush({ keepalive = false } = {}) {
  flushing ??= sendAll(keepalive).catch(() => {}).finally(() => { flushing = null; });
  return flushing;
}

async function sendAll(keepalive) {
  save(queued().filter((event) => Date.parse(event.clientTime) > Date.now() - LATE_BOUND_MS));
  while (navigator.onLine && signedIn() && Date.now() >= pausedUntil) {
    const batch = queued().slice(0, BATCH);
    if (batch.length === 0 || !(await sent(batch, keepalive))) return;
    const answered = new Set(batch.map((event) => event.id));
    save(queued().filter((event) => !answered.has(event.id)));
  }
}

/** True when the server answered the batch (each event accepted, a duplicate or rejected for good). */
async function sent(batch, keepalive) {
  try {
    await api('/api/v1/analytics/events', { method: 'POST', body: { events: batch }, keepalive });
    return true;
  } catch (failure) {
    if (!(failure instanceof Problem)) return false;
    if (failure.status === 429 || failure.status >= 500) {
      const wait = (failure.retryAfter || 30) * 1000;
      pausedUntil = Date.now() + wait;
      setTimeout(flush, wait);
      return false;
    }
    // Refused whole (a malformed batch): sent again it would be refused again.
    return failure.status === 400 || failure.status === 413;
  }
}

function queued() {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) || '[]');
  } catch {
    return [];
  }
}

/** Keeps the newest events only, so a device long offline does not fill its storage. */
function save(events) {
  localStorage.setItem(QUEUE, JSON.stringify(events.slice(-KEEP)));
}

addEventListener('online', () => flush());
addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush({ keepalive: true }));
