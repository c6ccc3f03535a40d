// The app's IndexedDB databases (the offline copy, the write queue, the photos waiting for a network), each opened
// with its object stores on first use.

/** A database of these object stores ({ name: keyPath }, null for keys given apart); answers its transaction runner. */
export function database(name, stores) {
  const open = () => new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => Object.entries(stores).forEach(([store, keyPath]) =>
      request.result.createObjectStore(store, keyPath ? { keyPath } : undefined));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  /**
   * Runs work(transaction) over the named stores in one transaction and, once it completed, resolves to the result
   * of the request work returned. A work that returns no request (deleting a batch's entries) resolves to nothing:
   * reading .result of it threw in oncomplete once and left the caller waiting for ever.
   */
  return async (storeNames, mode, work) => {
    const opened = await open();
    return new Promise((resolve, reject) => {
      const transaction = opened.transaction(storeNames, mode);
      const request = work(transaction);
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onerror = () => reject(transaction.error);
    });
  };
}
