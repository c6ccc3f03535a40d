// The live channel /ws/v1/live (protocol garage-live.v2). Browsers cannot send headers on a WebSocket, so the
// token travels in the second subprotocol (docs/live-updates.md); the last event id is kept so that a reconnect
// resumes where the app was.
import { accessToken, refresh } from './auth.js';

const listeners = new Set();
let socket;
let retryDelay = 1000;

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
    const last = Number(localStorage.getItem('garage.lastEventId') || 0);
    if (message.eventId <= last) return;
    localStorage.setItem('garage.lastEventId', String(message.eventId));
  }
  if (message.type === 'resync') localStorage.removeItem('garage.lastEventId');
  listeners.forEach((listener) => listener(message));
}
