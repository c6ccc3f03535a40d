// What the garage recommends for my vehicles (docs/recommendations.md): services due, declined work to follow up
// and safety recalls, each with why (its reasons) and the figures behind it (its evidence), and the one-tap actions
// the API lists for it: book (an appointment request, shown once asked), accept, snooze, dismiss, ask in chat. An
// odometer reading entered here goes to the telemetry endpoint, which refreshes them. Without a network they come
// from the offline copy; the actions need one (the sync protocol has no recommendation mutation) and say so.
import { api, apiOr } from '../api.js';
import { track } from '../analytics.js';
import { records } from '../copy.js';
import { listenForScreen } from '../live.js';
import { draft } from './chat.js';
import { h, showing, chip, button, banner, field, figures, when, words } from '../ui.js';

const KINDS = { SERVICE_DUE: 'Service due', DECLINED_FOLLOW_UP: 'Work you put off', SAFETY_RECALL: 'Safety recall' };
const SNOOZE_DAYS = [7, 30, 90];
const OFFLINE = 'This needs a connection: try again when you are back online.';

export async function recommendations(screen) {
  const show = showing();
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });
  const content = h('div', { id: 'recommendations' });
  // A redraw replaces the vehicles only, so what the notice says about the last tap stays.
  const reload = () => location.hash.replace(/^#\/?/, '') === screen.section.id
    && draw(screen, content, notice, reload);
  await draw(screen, content, notice, reload);
  show(screen.section.title, notice, content);
  listenForScreen((message) => message.type === 'event' && message.topic === 'recommendation' && reload());
}

async function draw(screen, content, notice, reload) {
  const vehicles = (await apiOr(screen.section.path, async () => ({ items: await records('vehicle') }))).items;
  const lists = await Promise.all(vehicles.map((vehicle) => ofVehicle(vehicle.id)));
  content.replaceChildren(...(vehicles.length === 0 ? [h('p', { className: 'muted' }, 'No vehicles yet.')]
    : vehicles.map((vehicle, index) => vehicleBlock(screen, vehicle, lists[index], notice, reload))));
}

/** The vehicle's recommendations: from the API (which refreshes them first), or the copy's without a network. */
function ofVehicle(vehicleId) {
  return apiOr(`/api/v1/vehicles/${vehicleId}/recommendations`,
    async () => (await records('recommendation')).filter((item) => item.vehicleId === vehicleId));
}

function vehicleBlock(screen, vehicle, items, notice, reload) {
  const can = (action) => (screen.section.actions || []).includes(action);
  return h('section', { className: 'vehicle', 'data-vehicle': vehicle.id },
    h('h2', {}, [vehicle.make, vehicle.model, vehicle.registrationPlate].filter(Boolean).join(' · ')),
    can('telemetry:report') && odometerForm(vehicle, notice, reload),
    items.length === 0 ? h('p', { className: 'muted' }, 'Nothing due for this vehicle.')
      : h('ul', { className: 'list' }, items.map((item) => h('li', {}, recommendationCard(screen, item, notice,
        reload)))));
}

function odometerForm(vehicle, notice, reload) {
  const km = h('input', { type: 'number', min: 0, max: 2000000, step: 1, required: true, inputmode: 'numeric' });
  const id = `odometer-${vehicle.id}`;
  return h('form', { className: 'row odometer', 'data-odometer': vehicle.id,
    onsubmit: (event) => reportOdometer(event, vehicle, km, notice, reload) },
  field(id, 'Odometer now (km)', km),
  h('button', { type: 'submit', className: 'button button--quiet' }, 'Save reading'));
}

async function reportOdometer(event, vehicle, km, notice, reload) {
  event.preventDefault();
  if (!navigator.onLine) return say(notice, OFFLINE, 'error');
  try {
    const receipt = await api(`/api/v1/vehicles/${vehicle.id}/telemetry`, { method: 'POST',
      body: { odometerKm: Number(km.value) } });
    await reload();
    return say(notice, receipt.odometer.status === 'DUPLICATE'
      ? `We already have ${receipt.odometer.km.toLocaleString()} km for this vehicle.`
      : `Reading of ${receipt.odometer.km.toLocaleString()} km saved.`);
  } catch (failure) {
    return say(notice, failure.body?.errors?.[0]?.message || failure.message, 'error');
  }
}

function recommendationCard(screen, item, notice, reload) {
  const kinds = new Set(item.actions.map((action) => action.kind));
  return h('article', { className: 'card', 'data-recommendation': item.id, 'data-kind': item.kind,
    'data-status': item.status },
  h('p', { className: 'card__title row' }, item.title, chip(item.status)),
  h('p', { className: 'card__meta' }, KINDS[item.kind] || words(item.kind),
    item.dueOn ? ` · due ${new Date(`${item.dueOn}T12:00`).toLocaleDateString()}` : ''),
  h('p', { className: 'muted' }, 'Why:'),
  h('ul', { className: 'reasons' }, item.reasons.map((reason) => h('li', {}, reason))),
  figures(item.evidence),
  item.appointmentId && appointment(item.appointmentId),
  h('div', { className: 'row actions' },
    kinds.has('BOOK') && button('Book it', () => act(item, { action: 'BOOK' }, notice, reload), '',
      { 'data-act': 'BOOK' }),
    kinds.has('ACCEPT') && button('I want this', () => act(item, { action: 'ACCEPT' }, notice, reload), 'quiet',
      { 'data-act': 'ACCEPT' }),
    kinds.has('ASK_IN_CHAT') && chatSection(screen) && button('Ask in chat',
      () => askInChat(screen, item, notice), 'quiet', { 'data-act': 'ASK_IN_CHAT' }),
    kinds.has('SNOOZE') && snoozer(item, notice, reload),
    kinds.has('DISMISS') && button('Dismiss', () => act(item, { action: 'DISMISS' }, notice, reload), 'quiet',
      { 'data-act': 'DISMISS' })));
}

function snoozer(item, notice, reload) {
  const days = h('select', {}, SNOOZE_DAYS.map((count) => h('option', { value: count }, `${count} days`)));
  return h('span', { className: 'row' }, field(`snooze-${item.id}`, 'Remind me in', days),
    button('Snooze', () => act(item, { action: 'SNOOZE', days: Number(days.value) }, notice, reload), 'quiet',
      { 'data-act': 'SNOOZE' }));
}

/** The appointment a booking asked for, as the garage holds it now. */
function appointment(id) {
  const line = h('p', { className: 'appointment', 'data-appointment': id }, 'Appointment requested.');
  api(`/api/v1/appointments/${id}`).then((booked) => line.replaceChildren(
    `Appointment ${words(booked.status)} for ${when(booked.startsAt)}. `,
    h('a', { href: '#/appointments' }, 'My appointments'))).catch(() => {});
  return line;
}

async function act(item, body, notice, reload) {
  if (!navigator.onLine) return say(notice, OFFLINE, 'error');
  try {
    const updated = await api(`/api/v1/recommendations/${item.id}/outcome`, { method: 'POST', body });
    if (updated.appointmentId && !item.appointmentId) {
      track('appointment.requested', { appointmentId: updated.appointmentId });
    }
    await reload();
    return say(notice, {
      BOOKED: `Booked: "${updated.title}". The garage confirms the time.`,
      ACCEPTED: `Noted: you want "${updated.title}".`,
      SNOOZED: `We will remind you about "${updated.title}" after ${when(updated.quietUntil)}.`,
      DISMISSED: `Dismissed: "${updated.title}".`,
    }[updated.status] || words(updated.status));
  } catch (failure) {
    if (failure.status === 409) await reload();
    return say(notice, failure.status === 409 ? `This changed meanwhile: ${failure.message}`
      : failure.body?.errors?.[0]?.message || failure.message, 'error');
  }
}

/** Opens my general conversation with the garage, the question begun in its message box. */
async function askInChat(screen, item, notice) {
  const ask = item.actions.find((action) => action.kind === 'ASK_IN_CHAT');
  try {
    const conversation = await api(ask.href);
    draft(conversation.id, ask.prefill || '');
    location.hash = `#/${chatSection(screen).id}/${conversation.id}`;
  } catch (failure) {
    say(notice, navigator.onLine ? failure.message : OFFLINE, 'error');
  }
}

function chatSection(screen) {
  return (screen.sections || []).find((section) => section.id === 'chat');
}

function say(notice, text, kind) {
  notice.replaceChildren(banner(text, kind));
}
