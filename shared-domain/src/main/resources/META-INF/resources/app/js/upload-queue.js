// Photos taken without a network (docs/chat.md "Offline"): the file waits on this device (IndexedDB) with the write that needs
// it, and once the network is there it is uploaded (tus, under the media id chosen when it was taken, so a second try
// goes on from where the first stood) and then the write that needs it, if any, is queued as a sync mutation
// (offline.js). Chat sends its photo messages this way, and feedback its screenshots.
import { Problem } from './api.js';
import { database } from './idb.js';
import { queue } from './offline.js';
import { upload } from './upload.js';

const DATABASE = 'garage-uploads';
const STORE = 'uploads';
const listeners = new Set();
let sending = null;

const run = database(DATABASE, { [STORE]: 'mediaId' });
const store = (mode, work) => run([STORE], mode, (transaction) => work(transaction.objectStore(STORE)));

/**
 * Keeps the file with where it goes ({ targetType, targetId, kind, mediaId }) and the mutation to queue once it is
 * uploaded (none when the upload is all), and sends it now if there is a network.
 */
export async function uploadThenQueue(file, target, mutation = null) {
  await store('readwrite', (uploads) => uploads.put({ mediaId: target.mediaId, keptAt: Date.now(), file, target,
    mutation }));
  if (navigator.onLine) await sendUploads();
}

/** The uploads still waiting, oldest first, each with its mutation. */
export async function waitingUploads() {
  return (await store('readonly', (uploads) => uploads.getAll())).sort((a, b) => a.keptAt - b.keptAt);
}

/**
 * Hears how each upload goes: listener(mutation, { sent, length }) as it goes, (mutation, { failure }) if refused;
 * the mutation is null for an upload that is all.
 */
export function onUpload(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sendUploads() {
  sending ??= sendAll().finally(() => { sending = null; });
  return sending;
}

/** Oldest first. A lost network stops the round (the rest waits for it), a refusal drops that upload and says so. */
async function sendAll() {
  for (const entry of await waitingUploads()) {
    try {
      await upload(entry.file, { ...entry.target,
        onProgress: (sent, length) => listeners.forEach((listener) => listener(entry.mutation, { sent, length })) });
    } catch (failure) {
      if (!(failure instanceof Problem)) return;
      await store('readwrite', (uploads) => uploads.delete(entry.mediaId));
      listeners.forEach((listener) => listener(entry.mutation, { failure }));
      continue;
    }
    // Queued before it is forgotten: a page closed in between uploads it again (the server answers it is complete)
    // and queues the same message id again, which the server writes once.
    if (entry.mutation) await queue(entry.mutation);
    await store('readwrite', (uploads) => uploads.delete(entry.mediaId));
  }
}

addEventListener('online', () => sendUploads().catch(() => {}));
