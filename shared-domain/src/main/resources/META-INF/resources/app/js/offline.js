// Writes made in the app go through one queue in IndexedDB as sync mutations (docs/offline-writes.md): each gets
// its client mutation id when it is queued, and the queue is sent, oldest first, whenever the network is there.
// A conflict or a refusal is handed to the screen, which shows it to the person.
import { api, deviceId } from './api.js';
import { database } from './idb.js';

const DATABASE = 'garage-offline';
const QUEUE = 'mutations';
const outcomeListeners = new Set();
let flushing = null;

const run = database(DATABASE, { [QUEUE]: 'queuedAt' });
const store = (mode, work) => run([QUEUE], mode, (transaction) => work(transaction.objectStore(QUEUE)));

export function onOutcome(listener) {
  outcomeListeners.add(listener);
  return () => outcomeListeners.delete(listener);
}

export async function pending() {
  return store('readonly', (queue) => queue.getAll());
}

/** Queues one mutation (entity, operation, entityId, baseVersion, payload) and sends the queue if online. */
export async function queue(mutation) {
  const entry = { queuedAt: performance.timeOrigin + performance.now(),
    mutation: { clientMutationId: crypto.randomUUID(), ...mutation } };
  await store('readwrite', (queue) => queue.add(entry));
  if (navigator.onLine) await flush();
}

export function flush() {
  flushing ??= send().finally(() => { flushing = null; });
  return flushing;
}

async function send() {
  const entries = (await pending()).slice(0, 50);
  if (entries.length === 0) return;
  const answer = await api('/api/v1/sync/mutations', {
    method: 'POST', body: { deviceId: deviceId(), mutations: entries.map((entry) => entry.mutation) },
  });
  await store('readwrite', (queue) => entries.forEach((entry) => queue.delete(entry.queuedAt)));
  answer.results.forEach((result, index) => outcomeListeners.forEach(
    (listener) => listener(entries[index].mutation, result)));
}

addEventListener('online', () => flush().catch(() => {}));
