// What I am notified of, in both apps (docs/notifications.md): each category the server lists, on or off as the
// consent ledger has it, and quiet hours, when the phone stays silent but for critical ones. Saved as one document
// with this screen and the policy version shown, so every grant and withdrawal is recorded against them; a change
// made elsewhere meanwhile (409) shows the current settings. Consent is recorded online only.
import { api } from '../api.js';
import { pushState, turnPushOff, turnPushOn } from '../push.js';
import { h, showing, banner, button, field, when, words } from '../ui.js';

const SCREEN = 'app/notifications';
const DEVICE_STATES = {
  unavailable: 'This garage does not send notifications to browsers.',
  unsupported: 'This browser cannot show notifications from the app.',
  blocked: 'Notifications are blocked for this app in the browser settings.',
  on: 'This browser shows the notifications you chose below.',
  off: 'This browser shows no notifications.',
};

export async function notificationsScreen({ section, show = showing() }, message) {
  if (!navigator.onLine) {
    show(section.title, banner('You are offline: notification settings need a connection.'));
    return;
  }
  const preferences = await api(section.path);
  const notice = h('div', { id: 'notifications-notice', 'aria-live': 'polite' }, message && banner(message));
  const boxes = preferences.categories.map((consent) => h('input', { type: 'checkbox',
    id: `category-${consent.category}`, checked: consent.granted, 'data-category': consent.category }));
  const quiet = h('input', { type: 'checkbox', id: 'quiet-on', checked: Boolean(preferences.quietHours) });
  const start = h('input', { type: 'time', value: preferences.quietHours?.start || '22:00' });
  const end = h('input', { type: 'time', value: preferences.quietHours?.end || '07:00' });
  const timeZone = preferences.quietHours?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  show(section.title, notice, thisDevice({ section, show }), h('form', { id: 'notifications-form', onsubmit: (event) => {
    event.preventDefault();
    save({ section, show }, preferences, notice, {
      categories: Object.fromEntries(boxes.map((box) => [box.dataset.category, box.checked])),
      quietHours: quiet.checked ? { start: start.value, end: end.value, timeZone } : null,
      screen: SCREEN, policyVersion: preferences.policyVersion, baseVersion: preferences.version });
  } },
  h('fieldset', {}, h('legend', {}, 'Tell me when'),
    preferences.categories.map((consent, index) => h('div', { className: 'field' },
      h('label', { for: boxes[index].id }, boxes[index], ` ${words(consent.category)}`,
        consent.critical ? ' (also in quiet hours)' : '',
        consent.changedAt ? h('span', { className: 'muted' }, ` · decided ${when(consent.changedAt)}`) : '')))),
  h('fieldset', {}, h('legend', {}, 'Quiet hours'),
    h('div', { className: 'field' }, h('label', { for: 'quiet-on' }, quiet, ` Keep my phone quiet (${timeZone})`)),
    h('div', { className: 'row' }, field('quiet-start', 'From', start), field('quiet-end', 'Until', end))),
  h('button', { type: 'submit', className: 'button', id: 'notifications-save' }, 'Save')));
}

async function save(screen, preferences, notice, change) {
  try {
    await api(screen.section.path, { method: 'PUT', body: change });
    await notificationsScreen(screen, 'Saved.');
  } catch (failure) {
    if (failure.status === 409) {
      await notificationsScreen(screen, 'Changed on another device meanwhile: here are the current settings.');
    } else {
      notice.replaceChildren(banner(`Not saved: ${failure.message}`, 'error'));
    }
  }
}

/** Whether this browser shows pushes, with the one move that changes it. */
function thisDevice(screen) {
  const state = pushState();
  const notice = h('div', { 'aria-live': 'polite' });
  const change = async (turn) => {
    try {
      await turn();
      await notificationsScreen(screen);
    } catch (failure) {
      notice.replaceChildren(banner(failure.message, 'error'));
    }
  };
  return h('fieldset', { id: 'push-device', 'data-state': state }, h('legend', {}, 'On this device'),
    h('p', {}, DEVICE_STATES[state]), notice,
    state === 'off' && button('Turn on notifications', () => change(turnPushOn), '', { id: 'push-on' }),
    state === 'on' && button('Turn off', () => change(turnPushOff), 'quiet', { id: 'push-off' }));
}
