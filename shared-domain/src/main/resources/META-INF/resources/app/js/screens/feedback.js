// Feedback from any screen of either app (docs/analytics.md "Feedback"): what it is about, what the person wants to
// say and the screen they came from, sent under an id chosen here and kept on the device until the server answered,
// so sending again after a lost answer is the same feedback, not a second one. A screenshot chosen with it goes once
// the feedback is stored (tus, kept on the device until there is a network). Below it, my feedback with where each
// stands and the garage's note.
import { api, apiOr, Problem } from '../api.js';
import { uploadThenQueue } from '../upload-queue.js';
import { h, showing, banner, field, chip, when, words } from '../ui.js';

const PENDING = 'garage.feedback.pending';
const CATEGORIES = { BUG: 'Something does not work', IDEA: 'An idea', PRAISE: 'Praise', OTHER: 'Something else' };

/** {@code from} is the section the person came from, if any: its id is sent as the screen. */
export async function feedbackScreen({ from, show = showing() }, message) {
  const kept = pending();
  const screen = kept?.screen ?? from?.id;
  const category = h('select', {}, Object.entries(CATEGORIES).map(([value, label]) => h('option', {
    value, selected: kept?.category === value }, label)));
  const text = h('textarea', { required: true, maxlength: 4000, rows: 6 });
  text.value = kept?.text || '';
  const screenshot = h('input', { type: 'file', accept: 'image/png,image/jpeg' });
  const notice = h('div', { id: 'feedback-notice', 'aria-live': 'polite' }, message && banner(message));
  const mine = await myFeedback();
  show('Send feedback', notice, h('form', { id: 'feedback-form', onsubmit: (event) => {
    event.preventDefault();
    send({ category: category.value, text: text.value.trim(), ...(screen ? { screen } : {}) }, screenshot.files[0],
      { from, show }, notice);
  } },
  field('feedback-category', 'What is it about?', category),
  field('feedback-text', 'Your feedback', text),
  field('feedback-screenshot', 'Add a screenshot (optional)', screenshot),
  screen && h('p', { className: 'muted' }, `Sent with the screen you came from: ${screenTitle(screen, from)}.`),
  h('button', { type: 'submit', className: 'button', id: 'feedback-send' }, 'Send')),
  h('h2', {}, 'My feedback'), mine);
}

async function send(content, screenshot, opened, notice) {
  if (!content.text) {
    notice.replaceChildren(banner('Write a few words first.', 'error'));
    return;
  }
  const kept = pending();
  const feedback = { ...content, id: kept && sameContent(kept, content) ? kept.id : crypto.randomUUID() };
  localStorage.setItem(PENDING, JSON.stringify(feedback));
  try {
    await api('/api/v1/feedback', { method: 'POST', body: feedback });
  } catch (failure) {
    if (!(failure instanceof Problem) || failure.status >= 500) {
      notice.replaceChildren(banner('Not sent yet: no answer from the garage. Your feedback is kept on this device;'
        + ' send it again when you are back online.', 'error'));
      return;
    }
    localStorage.removeItem(PENDING);
    notice.replaceChildren(banner(`Not sent: ${failure.body?.errors?.[0]?.message || failure.message}`, 'error'));
    return;
  }
  localStorage.removeItem(PENDING);
  if (screenshot) {
    await uploadThenQueue(screenshot, { targetType: 'feedback', targetId: feedback.id, kind: 'photo',
      mediaId: crypto.randomUUID() }).catch(() => {});
  }
  await feedbackScreen(opened, 'Thank you: your feedback is with the garage.');
}

async function myFeedback() {
  const items = await apiOr('/api/v1/feedback', () => null);
  if (items === null) return h('p', { className: 'muted' }, 'Your feedback shows here when you are online.');
  if (items.length === 0) return h('p', { className: 'muted', id: 'my-feedback' }, 'No feedback sent yet.');
  return h('ul', { className: 'list', id: 'my-feedback' }, items.map((item) => h('li', {}, h('article', {
    className: 'card', 'data-feedback': item.id, 'data-status': item.status },
  h('p', { className: 'card__title row' }, CATEGORIES[item.category] || words(item.category), chip(item.status)),
  h('p', { className: 'feedback__text' }, item.text),
  h('p', { className: 'card__meta' }, `Sent ${when(item.createdAt)}`,
    item.screenshots.length > 0 && ` with ${item.screenshots.length === 1 ? 'a screenshot'
      : `${item.screenshots.length} screenshots`}`),
  item.note && h('p', { className: 'feedback__note' }, h('strong', {}, 'The garage: '), item.note)))));
}

function screenTitle(screen, from) {
  return from?.id === screen ? from.title : words(screen);
}

/** The feedback sent last whose answer never came, if any. */
function pending() {
  return JSON.parse(localStorage.getItem(PENDING) || 'null');
}

function sameContent(kept, content) {
  return kept.category === content.category && kept.text === content.text && kept.screen === content.screen;
}
