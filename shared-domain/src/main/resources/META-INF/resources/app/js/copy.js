// The app's offline copy through the sync protocol (docs/sync.md): pages of upserts and tombstones from the stored
// cursor into IndexedDB, the checksum of the whole scope compared on the last page, a fresh copy when the server
// says resync-required or the checksum still differs. Screens read from here when the network is away.
import { api } from './api.js';
import { database } from './idb.js';

const DATABASE = 'garage-copy';
let syncing = null;

const run = database(DATABASE, { records: 'key', meta: null });

export async function record(type, id) {
  return (await run(['records'], 'readonly', (t) => t.objectStore('records').get(`${type}:${id}`)))?.record;
}

export async function records(type) {
  const all = await run(['records'], 'readonly', (t) => t.objectStore('records').getAll());
  return all.filter((entry) => entry.type === type).map((entry) => entry.record);
}

/** Brings the copy up to date; one run at a time. Resolves to true when the checksum matched. */
export function syncCopy() {
  syncing ??= catchUp().finally(() => { syncing = null; });
  return syncing;
}

async function catchUp(retried = false) {
  let page;
  try {
    do {
      const cursor = await run(['meta'], 'readonly', (t) => t.objectStore('meta').get('cursor'));
      page = await api(`/api/v1/sync?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      await apply(page);
    } while (page.hasMore);
  } catch (failure) {
    if (failure.type !== 'urn:garage:problem:resync-required' || retried) throw failure;
    await clear();
    return catchUp(true);
  }
  if (await matches(page.checksum)) return true;
  if (retried) return false;
  await clear();
  return catchUp(true);
}

function apply(page) {
  return run(['records', 'meta'], 'readwrite', (t) => {
    const store = t.objectStore('records');
    page.upserts.forEach((u) => store.put({ key: `${u.type}:${u.id}`, type: u.type, id: u.id, rev: u.rev,
      record: u.record }));
    page.tombstones.forEach((gone) => store.delete(`${gone.type}:${gone.id}`));
    return t.objectStore('meta').put(page.cursor, 'cursor');
  });
}

function clear() {
  return run(['records', 'meta'], 'readwrite', (t) => {
    t.objectStore('meta').clear();
    return t.objectStore('records').clear();
  });
}

/** The protocol's checksum: XOR of the first 8 bytes of SHA-256("type:id:rev") over every record, and the count. */
async function matches(checksum) {
  if (!checksum) return true;
  const all = await run(['records'], 'readonly', (t) => t.objectStore('records').getAll());
  let hash = 0n;
  for (const entry of all) {
    const digest = await crypto.subtle.digest('SHA-256',
      new TextEncoder().encode(`${entry.type}:${entry.id.toLowerCase()}:${entry.rev}`));
    hash ^= new DataView(digest).getBigUint64(0);
  }
  return all.length === checksum.count && hash.toString(16).padStart(16, '0') === checksum.hash;
}
