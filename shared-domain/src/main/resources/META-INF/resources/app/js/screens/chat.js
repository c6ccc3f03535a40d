// Chat in both apps (docs/chat.md): the conversations one takes part in, and a conversation's channels with their
// history paged back by message number. A message is sent under the id the app chose when the person tapped send,
// through the offline queue as a `chat-message send` mutation, so a resend never writes it twice and a message
// written without a network goes when it returns. New messages arrive on the live channel's chat topic; a gap in
// the numbers is filled from the history. What is shown is marked read.
import { api, apiOr, Problem } from '../api.js';
import { records } from '../copy.js';
import { listenForScreen } from '../live.js';
import { queue, onOutcome } from '../offline.js';
import { h, show, card, button, banner, field, when } from '../ui.js';

const PAGE = 30;
const CHANNEL_TITLES = { CUSTOMER: 'With the customer', WORKSHOP: 'Workshop (staff only)' };
const ATTACHMENT_WORDS = { PHOTO: 'Photo', VIDEO: 'Video', AUDIO: 'Voice message' };

/** The screen that shows a sent message once the server answered the queued send (or refused it). */
let outcomeOfSend = () => {};
onOutcome((mutation, result) => mutation.entity === 'chat-message' && outcomeOfSend(mutation, result));

/** The chat section: my conversations with their unread counts, or one of them. */
export async function conversations({ section, id, me }) {
  if (id) {
    const view = await apiOr(`/api/v1/chat/conversations/${id}`,
      () => offlineView((entry) => entry.message.conversationId === id));
    return conversation(view, view.kind === 'general' ? 'Questions for the garage' : 'About a repair',
      `#/${section.id}`, me);
  }
  const [page, unread] = await Promise.all([api(section.path), api('/api/v1/chat/unread')]);
  show(section.title,
    h('p', { className: 'muted', id: 'unread-total' }, unread.messages === 0 ? 'Everything read.'
      : `${unread.messages} unread in ${unread.conversations} conversation${unread.conversations === 1 ? '' : 's'}.`),
    page.items.length === 0 ? h('p', { className: 'muted' }, 'No conversations yet.')
      : h('ul', { className: 'list', id: 'conversations' }, page.items.map((item) => h('li', {}, card(
        h('span', { className: 'row' }, item.kind === 'general' ? 'Questions for the garage' : 'About a repair',
          item.unread > 0 && h('span', { className: 'badge', 'data-unread': item.unread }, `${item.unread} new`)),
        item.lastMessageAt ? `Last message ${when(item.lastMessageAt)}` : 'No messages yet',
        `#/${section.id}/${item.id}`, { 'data-conversation': item.id })))));
  listenForScreen((message) => message.topic === 'chat' && location.hash.replace(/^#\/?/, '') === section.id
    && conversations({ section, me }));
  return undefined;
}

/** A job's conversation, opened from the repair or the job card (#/<section>/<job id>/chat). */
export async function jobConversation({ section, id, me }) {
  const view = await apiOr(`/api/v1/jobs/${id}/conversation`, () => offlineView((entry) => entry.jobId === id));
  return conversation(view, 'Messages about this repair', `#/${section.id}/${id}`, me);
}

async function conversation(view, title, back, me) {
  const channels = view.channels.map((channel) => channel.channel);
  const state = { view, channel: channels[0], me, messages: new Map(), lastSeq: 0, readSeq: 0, before: null };
  const list = h('ol', { className: 'messages', id: 'messages', 'aria-live': 'polite' });
  const earlier = button('Earlier messages', () => loadEarlier(state, list, earlier), 'quiet',
    { id: 'earlier', hidden: true });
  const notice = h('div', { id: 'chat-notice', 'aria-live': 'polite' });
  const text = h('textarea', { rows: 2, maxlength: 4000, required: true });
  const tabs = channels.length < 2 ? null : h('div', { className: 'row', id: 'channels' }, view.channels.map(
    (channel) => button(h('span', {}, CHANNEL_TITLES[channel.channel], unreadBadge(channel.unread)),
      () => openChannel(state, channel.channel, list, earlier, tabs), 'quiet',
      { 'data-channel': channel.channel })));
  show(title, h('p', {}, h('a', { href: back }, 'Back')), h('div', {}, tabs), notice, earlier, list,
    h('form', { id: 'chat-form', className: 'chat-form', onsubmit: (event) => send(event, state, text, list, notice) },
      field('chat-text', 'Message', text), h('button', { type: 'submit', className: 'button' }, 'Send')));
  outcomeOfSend = (mutation, result) => sent(state, list, mutation, result, notice);
  listenForScreen((message) => message.topic === 'chat' && message.conversationId === view.id
    && arrived(state, list, tabs, message));
  await openChannel(state, state.channel, list, earlier, tabs);
}

async function openChannel(state, channel, list, earlier, tabs) {
  Object.assign(state, { channel, messages: new Map(), lastSeq: 0, readSeq: 0 });
  tabs?.querySelectorAll('[data-channel]').forEach((tab) => tab.setAttribute('aria-pressed',
    String(tab.dataset.channel === channel)));
  const path = `/api/v1/chat/conversations/${state.view.id}/messages?channel=${channel}&limit=${PAGE}`;
  const page = await apiOr(path, () => offlineHistory(state.view.id, channel));
  list.replaceChildren();
  page.items.slice().reverse().forEach((message) => place(state, list, message));
  showEarlier(state, earlier, page);
  tabs?.querySelector(`[data-channel="${channel}"] .badge`)?.remove();
  await markRead(state);
}

async function loadEarlier(state, list, earlier) {
  const page = await api(`/api/v1/chat/conversations/${state.view.id}/messages?channel=${state.channel}`
    + `&before=${state.before}&limit=${PAGE}`);
  page.items.forEach((message) => place(state, list, message));
  showEarlier(state, earlier, page);
}

function showEarlier(state, earlier, page) {
  state.before = page.nextCursor;
  earlier.hidden = !page.nextCursor;
}

/** Without a network: the conversation as far as the copy's messages of it show it (channels with messages). */
async function offlineView(matches) {
  const kept = (await records('chat-message')).filter(matches);
  if (kept.length === 0) {
    throw new Error('This conversation is not in the offline copy yet: open it once with a connection.');
  }
  const channels = [...new Set(kept.map((entry) => entry.message.channel))].sort();
  return { id: kept[0].message.conversationId, kind: kept[0].jobId ? 'job' : 'general',
    channels: channels.map((channel) => ({ channel, unread: 0 })) };
}

/** The channel's messages in the offline copy, newest first, as the history answers them. */
async function offlineHistory(conversationId, channel) {
  const kept = (await records('chat-message')).map((entry) => entry.message)
    .filter((message) => message.conversationId === conversationId && message.channel === channel);
  return { items: kept.sort((a, b) => b.seq - a.seq), nextCursor: null };
}

async function arrived(state, list, tabs, message) {
  if (!message.event.startsWith('chat.message')) return;
  if (message.channel !== state.channel) {
    const tab = tabs?.querySelector(`[data-channel="${message.channel}"] span`);
    const unread = Number(tab?.querySelector('.badge')?.dataset.unread || 0) + 1;
    if (tab && message.event === 'chat.message') {
      tab.replaceChildren(CHANNEL_TITLES[message.channel], unreadBadge(unread));
    }
    return;
  }
  const data = message.data;
  if (message.event === 'chat.message' && data.seq > state.lastSeq + 1) {
    const page = await api(`/api/v1/chat/conversations/${state.view.id}/messages?channel=${state.channel}`
      + `&after=${state.lastSeq}&limit=200`);
    page.items.forEach((item) => place(state, list, item));
  }
  place(state, list, { id: data.messageId, seq: data.seq, kind: data.kind, text: data.text,
    author: { role: data.authorRole, name: data.authorName, id: data.authorId },
    attachments: data.attachments || [], sentAt: data.sentAt, editedAt: data.editedAt, deletedAt: data.deletedAt });
  await markRead(state);
}

/** Puts a message where its number says, replacing what was shown of it (a pending send, an older version). */
function place(state, list, message) {
  const node = messageNode(state, message);
  const shown = state.messages.get(message.id) || list.querySelector(`[data-message-id="${message.id}"]`);
  if (shown) shown.replaceWith(node);
  else {
    const after = [...list.children].find((item) => item.dataset.seq && Number(item.dataset.seq) > message.seq);
    list.insertBefore(node, after || list.querySelector('[data-pending]'));
  }
  state.messages.set(message.id, node);
  state.lastSeq = Math.max(state.lastSeq, message.seq || 0);
}

function messageNode(state, message) {
  const mine = message.author?.id && message.author.id === state.me?.personId;
  const kind = `${mine ? ' message--mine' : ''}${message.kind === 'SYSTEM' ? ' message--system' : ''}`;
  return h('li', { className: `message${kind}`, 'data-message-id': message.id, 'data-seq': message.seq },
  h('p', { className: 'message__meta' }, `${message.author?.name || ''} · ${when(message.sentAt)}`,
    message.editedAt && !message.deletedAt ? ' · edited' : ''),
  message.deletedAt ? h('p', { className: 'muted' }, 'Message deleted')
    : message.text && h('p', { className: 'message__text' }, message.text),
  (message.attachments || []).length > 0 && h('ul', { className: 'attachments' },
    message.attachments.map(attachmentNode)));
}

/** An attachment opens in a new tab; a photo shows its thumbnail where the store is https (the CSP's img-src). */
function attachmentNode(attachment) {
  const label = `${ATTACHMENT_WORDS[attachment.kind] || 'Attachment'} (${attachment.contentType})`;
  const node = h('li', { className: 'attachment', 'data-media-id': attachment.mediaId },
    h('a', { href: attachment.href, onclick: (event) => openAttachment(event, attachment) }, label));
  if (attachment.kind === 'PHOTO') {
    links(attachment).then((found) => found.thumbnailUrl?.startsWith('https:') && node.prepend(
      h('img', { className: 'attachment__thumbnail', src: found.thumbnailUrl, alt: label }))).catch(() => {});
  }
  return node;
}

/** The media endpoint answers 303 only to a request with the token, so the page asks for its signed URLs. */
function links(attachment) {
  return api(`${attachment.href}/links`);
}

async function openAttachment(event, attachment) {
  event.preventDefault();
  // Opened at the click, so no pop-up blocker stops it; the URL follows once the server signed it.
  const opened = window.open('', '_blank');
  if (opened) opened.opener = null;
  try {
    const found = await links(attachment);
    if (opened) opened.location = found.url;
  } catch (failure) {
    opened?.close();
    document.getElementById('chat-notice')?.replaceChildren(banner(failure.message, 'error'));
  }
}

function send(event, state, text, list, notice) {
  event.preventDefault();
  if (!text.value.trim()) return undefined;
  const id = crypto.randomUUID();
  const body = text.value;
  text.value = '';
  list.append(h('li', { className: 'message message--mine', 'data-message-id': id, 'data-pending': true },
    h('p', { className: 'message__meta' }, navigator.onLine ? 'Sending…' : 'Waiting for the network'),
    h('p', { className: 'message__text' }, body)));
  if (!navigator.onLine) notice.replaceChildren(banner('Saved on this device; it goes when you are back online.'));
  return queue({ entity: 'chat-message', operation: 'send', entityId: id,
    payload: { conversationId: state.view.id, channel: state.channel, text: body } }).catch(() => {});
}

function sent(state, list, mutation, result, notice) {
  if (mutation.payload.conversationId !== state.view.id || mutation.payload.channel !== state.channel) return;
  if (String(result.result).toLowerCase() === 'applied') {
    place(state, list, result.record);
    notice.replaceChildren();
    markRead(state);
    return;
  }
  list.querySelector(`[data-message-id="${mutation.entityId}"] .message__meta`)?.replaceChildren('Not sent');
  notice.replaceChildren(banner(`Not sent: ${result.problem?.detail || result.result}`, 'error'));
}

/** Reads the channel up to its last message shown; without a network the cursor waits in the queue. */
async function markRead(state) {
  if (state.lastSeq <= state.readSeq) return;
  const seq = state.lastSeq;
  const cursor = { channel: state.channel, delivered: seq, read: seq };
  state.readSeq = seq;
  try {
    await api(`/api/v1/chat/conversations/${state.view.id}/cursor`, { method: 'PUT', body: cursor });
  } catch (failure) {
    if (!(failure instanceof Problem)) {
      await queue({ entity: 'chat-cursor', operation: 'mark', entityId: state.view.id, payload: cursor })
        .catch(() => {});
    }
  }
}

function unreadBadge(count) {
  return count > 0 ? h('span', { className: 'badge', 'data-unread': count }, `${count} new`) : null;
}
