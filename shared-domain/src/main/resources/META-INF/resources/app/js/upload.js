// Photos and videos to the BFF with tus 1.0.0 (docs/media.md): the upload is created under an id chosen once, so a
// second creation with it answers where the first stood; chunks go as PATCH with the bearer token, and after a failed
// chunk HEAD gives the authoritative offset to go on from. Any screen (inspection, chat) can use it.
import { accessToken, refresh } from './auth.js';
import { deviceId, Problem } from './api.js';

const UPLOADS = '/api/v1/uploads';
const CHUNK = 5 * 1024 * 1024;
const ATTEMPTS = 4;

/**
 * Uploads a file to a target ({ targetType, targetId, kind }) and answers the media id; onProgress(offset, length)
 * follows the bytes the server confirmed.
 */
export async function upload(file, { targetType, targetId, kind, mediaId = crypto.randomUUID(), onProgress }) {
  const metadata = { targetType, targetId, kind, contentType: file.type, clientMediaId: mediaId, filename: file.name };
  const created = await tus(UPLOADS, 'POST', {
    'Upload-Length': String(file.size), 'Upload-Metadata': encodeMetadata(metadata) });
  const location = new URL(created.headers.get('Location'), window.location.origin).pathname;
  let offset = Number(created.headers.get('Upload-Offset'));
  let failures = 0;
  while (offset < file.size) {
    try {
      const sent = await tus(location, 'PATCH', { 'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream' }, file.slice(offset, offset + CHUNK));
      offset = Number(sent.headers.get('Upload-Offset'));
      failures = 0;
      onProgress?.(offset, file.size);
    } catch (failure) {
      failures += 1;
      if (failures >= ATTEMPTS || (failure instanceof Problem && failure.status !== 409)) throw failure;
      offset = Number((await tus(location, 'HEAD')).headers.get('Upload-Offset'));
    }
  }
  return mediaId;
}

async function tus(path, method, headers = {}, body = undefined, retried = false) {
  const response = await fetch(path, { method, body, headers: { ...headers, 'Tus-Resumable': '1.0.0',
    Authorization: `Bearer ${accessToken()}`, 'X-Device-Id': deviceId() } });
  if (response.status === 401 && !retried) {
    await refresh();
    return tus(path, method, headers, body, true);
  }
  if (!response.ok) {
    const text = await response.text();
    throw new Problem(response.status, text ? JSON.parse(text) : null);
  }
  return response;
}

/** tus metadata: comma-separated "key base64(value)" pairs, the values as UTF-8. */
function encodeMetadata(metadata) {
  return Object.entries(metadata).filter(([, value]) => value)
    .map(([key, value]) => `${key} ${btoa(String.fromCharCode(...new TextEncoder().encode(value)))}`).join(',');
}
