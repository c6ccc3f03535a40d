// Chat in both apps (docs/chat.md): the conversations one takes part in, and a conversation's channels with their
// history paged back by message number. A message is sent under the id the app chose when the person tapped send,
// through the offline queue as a `chat-message send` mutation, so a resend never writes it twice and a message
// written without a network goes when it returns. New messages arrive on the live channel's chat topic; a gap in
// the numbers is filled from the history. What is shown is marked read. Quick replies and photos go the same way, a
// photo kept on the device until there is a network, uploaded with tus and then sent as the message's attachment
// (upload-queue.js); one's own messages are edited and deleted in place.
import { api, apiOr, Problem } from '../api.js';
import { checkWait, stillChecking } from '../checking.js';
import { records } from '../copy.js';
import { listenForScreen, sendLive } from '../live.js';
import { queue, onOutcome, pending } from '../offline.js';
import { openMedia, withLinks } from '../media.js';
import { onUpload, uploadThenQueue, waitingUploads } from '../upload-queue.js';
import { h, showing, card, button, banner, field, when } from '../ui.js';
import { chatTools } from './chat-tools.js';

const PAGE = 30;
const CHANNEL_TITLES = { CUSTOMER: 'With the customer', WORKSHOP: 'Workshop (staff only)' };
const ATTACHMENT_WORDS = { PHOTO: 'Photo', VIDEO: 'Video', AUDIO: 'Voice message' };
const NOT_READY = 'urn:garage:problem:media-not-ready';
/** A typing signal at most this often (the server drops more anyway), shown to the others this long. */
const TYPING_EVERY = 2500;
const TYPING_SHOWN = 5000;

/** Text another screen begins a message with (a question about a recommendation), kept until its conversation opens. */
const drafts = new Map();

export function draft(conversationId, text) {
  drafts.set(conversationId, text);
}

/** The screen that shows a sent message once the server answered the queued send (or refused it), and its photo's
 * upload. */
let outcomeOfSend = () => {};
onOutcome((mutation, result) => mutation.entity === 'chat-message' && outcomeOfSend(mutation, result));
let uploadOfSend = () => {};
onUpload((mutation, progress) => mutation?.entity === 'chat-message' && uploadOfSend(mutation, progress));

/** The chat section: my conversations with their unread counts, or one of them. */
export async function conversations({ section, sections, id, me }) {
  const show = showing();
  if (id) {
    const view = await apiOr(`/api/v1/chat/conversations/${id}`,
      () => offlineView((entry) => entry.message.conversationId === id));
    return conversation(show, view, view.kind === 'general' ? 'Questions for the garage' : 'About a repair',
      `#/${section.id}`, me, chatActions(sections));
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
  listenForScreen((message) => message.type === 'event' && message.topic === 'chat'
    && location.hash.replace(/^#\/?/, '') === section.id
    && conversations({ section, me }));
  return undefined;
}

/** A job's conversation, opened from the repair or the job card (#/<section>/<job id>/chat). */
export async function jobConversation({ section, sections, id, me }) {
  const show = showing();
  const view = await apiOr(`/api/v1/jobs/${id}/conversation`, () => offlineView((entry) => entry.jobId === id));
  return conversation(show, view, 'Messages about this repair', `#/${section.id}/${id}`, me, chatActions(sections));
}

/** What the person may do in chat: the chat section's actions (a job's conversation opens from another section). */
function chatActions(sections = []) {
  return sections.find((candidate) => candidate.id === 'chat')?.actions || [];
}

async function conversation(show, view, title, back, me, actions) {
  const channels = view.channels.map((channel) => channel.channel);
  const list = h('ol', { className: 'messages', id: 'messages', 'aria-live': 'polite' });
  const notice = h('div', { id: 'chat-notice', 'aria-live': 'polite' });
  const state = { view, channel: channels[0], me, list, notice, messages: new Map(), lastSeq: 0, readSeq: 0,
    before: null, tries: new Map() };
  const earlier = button('Earlier messages', () => loadEarlier(state, list, earlier), 'quiet',
    { id: 'earlier', hidden: true });
  const text = h('textarea', { rows: 2, maxlength: 4000, required: true, oninput: () => typing(state) });
  text.value = drafts.get(view.id) || '';
  drafts.delete(view.id);
  state.typing = h('p', { id: 'typing', className: 'muted', 'aria-live': 'polite' });
  const tabs = channels.length < 2 ? null : h('div', { className: 'row', id: 'channels' }, view.channels.map(
    (channel) => button(h('span', {}, CHANNEL_TITLES[channel.channel], unreadBadge(channel.unread)),
      () => openChannel(state, channel.channel, list, earlier, tabs), 'quiet',
      { 'data-channel': channel.channel })));
  state.tools = chatTools(view, actions, notice);
  state.replies = quickReplies(state);
  show(title, h('p', {}, h('a', { href: back }, 'Back')), state.tools.node, h('div', {}, tabs), notice, earlier, list,
    state.typing,
    h('form', { id: 'chat-form', className: 'chat-form', onsubmit: (event) => send(event, state, text) },
      field('chat-text', 'Message', text), state.replies,
      h('div', { className: 'row' }, h('button', { type: 'submit', className: 'button' }, 'Send'),
        actions.includes('chat:send') && photoPicker(state, text))));
  outcomeOfSend = (mutation, result) => sent(state, list, mutation, result, notice);
  uploadOfSend = (mutation, progress) => mutation.payload.conversationId === view.id && uploading(state, mutation,
    progress);
  listenForScreen((message) => message.topic === 'chat' && message.conversationId === view.id
    && arrived(state, list, tabs, message));
  await openChannel(state, state.channel, list, earlier, tabs);
}

/** The app's quick replies as chips (customer channel only: they speak to or for the customer); a tap sends one. */
function quickReplies(state) {
  const chips = h('div', { className: 'row quick-replies', id: 'quick-replies', role: 'group',
    'aria-label': 'Quick replies' });
  api('/api/v1/chat/quick-replies').then((replies) => chips.replaceChildren(...replies.map((reply) => button(
    reply.text, () => submit(state, { quickReply: reply.name }, reply.text), 'quiet',
    { 'data-quick-reply': reply.name })))).catch(() => {});
  return chips;
}

/**
 * A photo from a file, sent with what the text box holds, if anything: shown at once as a pending message, kept on
 * the device until there is a network, uploaded for the conversation (tus), then its message is sent.
 */
function photoPicker(state, text) {
  const input = h('input', { type: 'file', accept: 'image/jpeg,image/png',
    onchange: () => attach(input, state, text) });
  return h('div', { className: 'row' }, field('chat-photo', 'Attach a photo', input));
}

async function attach(input, state, text) {
  const file = input.files[0];
  if (!file) return;
  const caption = text.value.trim() ? text.value : null;
  text.value = '';
  input.value = '';
  const id = crypto.randomUUID();
  const mediaId = crypto.randomUUID();
  const mutation = { entity: 'chat-message', operation: 'send', entityId: id, payload: { conversationId: state.view.id,
    channel: state.channel, attachments: [mediaId], ...(caption ? { text: caption } : {}) } };
  showPending(state, id, caption || ATTACHMENT_WORDS.PHOTO);
  await uploadThenQueue(file, { targetType: 'chat-conversation', targetId: state.view.id, kind: 'photo', mediaId },
    mutation).catch(() => {});
}

/** How a photo message's upload goes, on its pending message; a refused upload is not sent and says why. */
function uploading(state, mutation, progress) {
  const meta = state.list.querySelector(`[data-message-id="${mutation.entityId}"] .message__meta`);
  if (progress.failure) {
    meta?.replaceChildren('Not sent');
    state.notice.replaceChildren(banner(`Photo not uploaded: ${progress.failure.message}`, 'error'));
  } else {
    meta?.replaceChildren(`Uploading the photo ${Math.floor((100 * progress.sent) / progress.length)}%`);
  }
}

async function openChannel(state, channel, list, earlier, tabs) {
  Object.assign(state, { channel, messages: new Map(), lastSeq: 0, readSeq: 0 });
  state.replies.hidden = channel !== 'CUSTOMER';
  tabs?.querySelectorAll('[data-channel]').forEach((tab) => tab.setAttribute('aria-pressed',
    String(tab.dataset.channel === channel)));
  const path = `/api/v1/chat/conversations/${state.view.id}/messages?channel=${channel}&limit=${PAGE}`;
  const page = await apiOr(path, () => offlineHistory(state.view.id, channel));
  list.replaceChildren();
  page.items.slice().reverse().forEach((message) => place(state, list, message));
  await showWaiting(state);
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
  return { id: kept[0].message.conversationId, kind: kept[0].jobId ? 'job' : 'general', jobId: kept[0].jobId,
    channels: channels.map((channel) => ({ channel, unread: 0 })) };
}

/** The channel's messages in the offline copy, newest first, as the history answers them. */
async function offlineHistory(conversationId, channel) {
  const kept = (await records('chat-message')).map((entry) => entry.message)
    .filter((message) => message.conversationId === conversationId && message.channel === channel);
  return { items: kept.sort((a, b) => b.seq - a.seq), nextCursor: null };
}

/** Tells the others in the channel that I am typing, once per interval however fast the keys go. */
function typing(state) {
  const now = Date.now();
  if (now - (state.typedAt || 0) < TYPING_EVERY) return;
  state.typedAt = now;
  sendLive({ type: 'typing', conversationId: state.view.id, channel: state.channel });
}

/** Someone else typing in the open channel, shown for a few seconds or until their message arrives. */
function othersTyping(state, message) {
  if (message.channel !== state.channel) return;
  clearTimeout(state.typingTimer);
  state.typing.textContent = `${message.authorName} is typing…`;
  state.typingTimer = setTimeout(() => state.typing.replaceChildren(), TYPING_SHOWN);
}

async function arrived(state, list, tabs, message) {
  if (message.type === 'typing') {
    othersTyping(state, message);
    return;
  }
  if (message.event === 'chat.message' && message.channel === state.channel) state.typing.replaceChildren();
  if (/^chat\.(priority-changed|assigned|response-)/.test(message.event)
    || (message.event === 'chat.message' && message.channel === 'CUSTOMER')) state.tools.refresh();
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
  const node = h('li', { className: `message${kind}`, 'data-message-id': message.id, 'data-seq': message.seq,
    'data-deleted': Boolean(message.deletedAt) },
  h('p', { className: 'message__meta' }, `${message.author?.name || ''} · ${when(message.sentAt)}`,
    message.editedAt && !message.deletedAt ? ' · edited' : ''),
  message.deletedAt ? h('p', { className: 'muted' }, 'Message deleted')
    : message.text && h('p', { className: 'message__text' }, message.text),
  (message.attachments || []).length > 0 && h('ul', { className: 'attachments' },
    message.attachments.map(attachmentNode)),
  mine && !message.deletedAt && message.kind !== 'SYSTEM' && h('p', { className: 'row message__actions' },
    message.kind === 'TEXT' && message.text && button('Edit', () => editor(state, node, message), 'quiet',
      { 'data-edit': message.id }),
    button('Delete', (event) => remove(event, state, message), 'quiet', { 'data-delete': message.id })));
  return node;
}

/** One's own typed text, changed in place; the server says whether it is still within the edit window. */
function editor(state, node, message) {
  const text = h('textarea', { rows: 2, maxlength: 4000, required: true }, message.text);
  node.querySelector('.message__text').replaceWith(h('form', { className: 'chat-form', 'data-editing': message.id,
    onsubmit: (event) => {
      event.preventDefault();
      change(state, `/messages/${message.id}/text`, { method: 'PUT', body: { text: text.value } });
    } },
  field(`edit-${message.id}`, 'Edit message', text),
  h('div', { className: 'row' }, h('button', { type: 'submit', className: 'button' }, 'Save'),
    button('Cancel', () => place(state, state.list, message), 'quiet'))));
  node.querySelector('.message__actions')?.remove();
  text.focus();
  text.setSelectionRange(text.value.length, text.value.length);
}

/** Deletes one's own message after a second tap; it stays as a tombstone for everyone. */
function remove(event, state, message) {
  const control = event.currentTarget;
  if (!control.dataset.confirm) {
    control.dataset.confirm = 'asked';
    control.textContent = 'Delete for everyone?';
    return undefined;
  }
  return change(state, `/messages/${message.id}`, { method: 'DELETE' });
}

async function change(state, path, options) {
  try {
    place(state, state.list, await api(`/api/v1/chat/conversations/${state.view.id}${path}`, options));
  } catch (failure) {
    state.notice.replaceChildren(banner(failure.status === 409 ? 'This message can no longer be changed.'
      : `Not changed: ${failure.message}`, 'error'));
  }
}

/** An attachment opens in a new tab; a photo shows its thumbnail too. */
function attachmentNode(attachment) {
  const media = { id: attachment.mediaId, href: attachment.href };
  const label = `${ATTACHMENT_WORDS[attachment.kind] || 'Attachment'} (${attachment.contentType})`;
  const node = h('li', { className: 'attachment', 'data-media-id': attachment.mediaId },
    h('a', { href: attachment.href, onclick: (event) => openMedia(event, media) }, label));
  if (attachment.kind === 'PHOTO') {
    withLinks(media, node, (links) => node.prepend(h('img', { className: 'attachment__thumbnail',
      src: links.thumbnailUrl || links.url, alt: label })));
  }
  return node;
}

function send(event, state, text) {
  event.preventDefault();
  if (!text.value.trim()) return undefined;
  const body = text.value;
  text.value = '';
  return submit(state, { text: body }, body);
}

/**
 * Shows a message as pending and queues its send under an id chosen now: typed text, a quick reply or attachments
 * ({ text }, { quickReply }, { attachments, text? }); {@code shown} is what the pending message says.
 */
function submit(state, content, shown) {
  const id = crypto.randomUUID();
  showPending(state, id, shown);
  return queue({ entity: 'chat-message', operation: 'send', entityId: id,
    payload: { conversationId: state.view.id, channel: state.channel, ...content } }).catch(() => {});
}

/**
 * My sends of the open channel still waiting on this device (also those of an earlier page life), pending again in
 * the order they were queued. A photo message waits in the upload queue, then in the write queue: for a moment it is
 * in both, and a send already answered (shown from the server) may still be in the write queue; each is shown once.
 */
async function showWaiting(state) {
  const [queued, uploads] = await Promise.all([pending(), waitingUploads()]).catch(() => [[], []]);
  const sends = [...queued.map((entry) => ({ at: entry.queuedAt, mutation: entry.mutation })),
    ...uploads.map((entry) => ({ at: entry.keptAt, mutation: entry.mutation }))]
    .filter(({ mutation }) => mutation?.entity === 'chat-message' && mutation.operation === 'send'
      && mutation.payload.conversationId === state.view.id && mutation.payload.channel === state.channel)
    .sort((a, b) => a.at - b.at);
  for (const { mutation: { entityId, payload } } of sends) {
    if (!state.list.querySelector(`[data-message-id="${entityId}"]`)) {
      showPending(state, entityId, shownOf(state, payload));
    }
  }
}

/** What a pending send says, as submit and attach showed it (a quick reply's words only once the chips loaded). */
function shownOf(state, payload) {
  if (payload.text) return payload.text;
  if (payload.attachments?.length) return ATTACHMENT_WORDS.PHOTO;
  return state.replies.querySelector(`[data-quick-reply="${payload.quickReply}"]`)?.textContent || 'Quick reply';
}

/** A message of mine not written yet, below the others; without a network the person is told it waits. */
function showPending(state, id, shown) {
  state.list.append(h('li', { className: 'message message--mine', 'data-message-id': id, 'data-pending': true },
    h('p', { className: 'message__meta' }, navigator.onLine ? 'Sending…' : 'Waiting for the network'),
    h('p', { className: 'message__text' }, shown)));
  if (!navigator.onLine) {
    state.notice.replaceChildren(banner('Saved on this device; it goes when you are back online.'));
  }
}

function sent(state, list, mutation, result, notice) {
  if (mutation.payload.conversationId !== state.view.id || mutation.payload.channel !== state.channel) return;
  if (String(result.result).toLowerCase() === 'applied') {
    place(state, list, result.record);
    notice.replaceChildren();
    markRead(state);
    state.tools.refresh();
    return;
  }
  if (result.problem?.type === NOT_READY && sendAgainLater(state, mutation)) {
    list.querySelector(`[data-message-id="${mutation.entityId}"] .message__meta`)
      ?.replaceChildren('Checking the photo…');
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

/** The same message (same id, a new mutation id) again a little later, while its photo is still being checked. */
function sendAgainLater(state, mutation) {
  const attempt = state.tries.get(mutation.entityId) || 0;
  if (!stillChecking(attempt)) return false;
  state.tries.set(mutation.entityId, attempt + 1);
  const { entity, operation, entityId, payload } = mutation;
  setTimeout(() => queue({ entity, operation, entityId, payload }).catch(() => {}), checkWait(attempt));
  return true;
}

function unreadBadge(count) {
  return count > 0 ? h('span', { className: 'badge', 'data-unread': count }, `${count} new`) : null;
}
