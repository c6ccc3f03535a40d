// A photo or video of a view (an inspection item's media, a chat message's attachment): a page can send its token
// neither with a link nor with an image, so it asks GET /api/v1/media/{id}/links for short-lived signed URLs and shows
// the photo's thumbnail from them (where the CSP's img-src admits the store); a click opens the full photo or the
// video in a new tab.
import { api } from './api.js';
import { h } from './ui.js';

const KIND_WORDS = { PHOTO: 'Photo', VIDEO: 'Video', AUDIO: 'Audio note' };

export function mediaTile(media, about) {
  const label = `${KIND_WORDS[media.kind] || 'Attachment'} of ${about}`;
  const link = h('a', { href: media.href, className: 'media-tile__link', onclick: (event) => openMedia(event, media) },
    label);
  const tile = h('li', { className: 'media-tile', 'data-media-id': media.id }, link);
  if (media.kind === 'PHOTO') {
    signedLinks(media).then((links) => link.replaceChildren(h('img', { className: 'media-tile__image',
      src: links.thumbnailUrl || links.url, alt: label }))).catch(() => {});
  }
  return tile;
}

/** The photo's or video's short-lived signed URLs: { url, thumbnailUrl, expiresAt }. */
export function signedLinks(media) {
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
  } catch (failure) {
    opened?.close();
  }
}
