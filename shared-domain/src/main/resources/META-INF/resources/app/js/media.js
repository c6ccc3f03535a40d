// A photo or video of a view (an inspection item's media, a chat message's attachment): a page can send its token
// neither with a link nor with an image, so it asks GET /api/v1/media/{id}/links for short-lived signed URLs and shows
// the photo's thumbnail from them (where the CSP's img-src admits the store); a click opens the full photo or the
// video in a new tab.
import { api, Problem } from './api.js';
import { h } from './ui.js';

const KIND_WORDS = { PHOTO: 'Photo', VIDEO: 'Video', AUDIO: 'Audio note' };
const LINK_TRIES = 6;

export function mediaTile(media, about) {
  const label = `${KIND_WORDS[media.kind] || 'Attachment'} of ${about}`;
  const link = h('a', { href: media.href, className: 'media-tile__link', onclick: (event) => openMedia(event, media) },
    label);
  const tile = h('li', { className: 'media-tile', 'data-media-id': media.id }, link);
  if (media.kind === 'PHOTO') {
    withLinks(media, tile, (links) => link.replaceChildren(h('img', { className: 'media-tile__image',
      src: links.thumbnailUrl || links.url, alt: label })));
  }
  return tile;
}

/**
 * Hands the media's signed links to {@code show} once the server gave them. After a busy server or a dropped network
 * it asks again, later each time, while {@code node} is still on the page; after a refusal it does not, and the media
 * stays a link.
 */
export function withLinks(media, node, show, failures = 0) {
  signedLinks(media).then(show).catch((failure) => {
    const refused = failure instanceof Problem && failure.status < 500 && failure.status !== 429;
    if (refused || failures >= LINK_TRIES) return;
    const wait = failure.retryAfter ? failure.retryAfter * 1000 : 1000 * 2 ** failures;
    setTimeout(() => node.isConnected && withLinks(media, node, show, failures + 1), wait);
  });
}

/** The photo's or video's short-lived signed URLs: { url, thumbnailUrl, expiresAt }. */
function signedLinks(media) {
  return api(`${media.href}/links`);
}

/** Opens the full photo or the video in a new tab from its signed URL. */
export async function openMedia(event, media) {
  event.preventDefault();
  // Opened at the click, so no pop-up blocker stops it; the URL follows once the server signed it.
  const opened = window.open('', '_blank');
  if (opened) opened.opener = null;
  try {
    const links = await signedLinks(media);
    if (opened) opened.location = links.url;
  } catch {
    opened?.close();
  }
}
