// The live channel /ws/v1/live (protocol garage-live.v2). Browsers cannot send headers on a WebSocket, so the
// token travels in the second subprotocol (docs/live-updates.md); the last event id is kept so that a reconnect
// resumes where the app was (the last one received, as docs/live-updates.md asks, not the highest).
import { accessToken, refresh } from './auth.js';

const listeners = new Set();
let socket;
let retryDelay = 1000;

// Event ids are taken before their transaction commits, so events of different jobs or topics can arrive out of id
// order: an event is dropped only when it came before (a replay repeats some), never for having a smaller id.
const REMEMBERED_EVENTS = 500;
const received = new Set();

export function onLiveEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let leaveScreen = () => {};

/** The open screen's listener: it replaces the previous screen's, so a screen left behind no longer reacts. */
export function listenForScreen(listener) {
  leaveScreen();
  leaveScreen = onLiveEvent(listener);
}

/** Sends a message on the live channel when it is open (typing signals); without one it is dropped. */
export function sendLive(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

export function connectLive(onState) {
  const last = localStorage.getItem('garage.lastEventId');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/ws/v1/live${last ? `?lastEventId=${last}` : ''}`;
  socket = new WebSocket(url, ['garage-live.v2',
    `quarkus-http-upgrade%23Authorization%23Bearer%20${encodeURIComponent(accessToken())}`]);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    onState('live');
  });
  socket.addEventListener('message', (message) => receive(JSON.parse(message.data)));
  socket.addEventListener('close', async (closed) => {
    onState('offline');
    if (closed.code === 1008) await refresh().catch(() => {});
    setTimeout(() => connectLive(onState), retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30_000);
  });
}

function receive(message) {
  if (message.type === 'event') {
    if (!firstTime(message.eventId)) return;
    localStorage.setItem('garage.lastEventId', String(message.eventId));
  }
  if (message.type === 'resync') localStorage.removeItem('garage.lastEventId');
  listeners.forEach((listener) => listener(message));
}

function firstTime(eventId) {
  if (received.has(eventId)) return false;
  received.add(eventId);
  if (received.size > REMEMBERED_EVENTS) received.delete(received.values().next().value);
  return true;
}
