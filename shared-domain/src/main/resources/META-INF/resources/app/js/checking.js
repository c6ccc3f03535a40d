// A photo or video shows, or can be sent, once the server's background check stored it. The check waits behind other
// work and a failed one is tried again later, so an app looks again every 2 s for the first minute, then less often,
// for up to five minutes.

const PATIENCE_MS = 5 * 60 * 1000;
const EVERY_TWO_SECONDS = 30;

/** The wait before look number {@code attempt} (0 for the first): 2 s for a minute, then half as long again each
 * time, at most 15 s. */
export function checkWait(attempt) {
  return Math.min(2000 * 1.5 ** Math.max(0, attempt - EVERY_TWO_SECONDS), 15000);
}

/** Whether look number {@code attempt} still falls within the five minutes. */
export function stillChecking(attempt) {
  let waited = 0;
  for (let i = 0; i < attempt; i++) waited += checkWait(i);
  return waited < PATIENCE_MS;
}
