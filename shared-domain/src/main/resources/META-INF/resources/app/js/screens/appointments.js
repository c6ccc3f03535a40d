// My appointments (docs/offline-writes.md): each with its time, its vehicle and what it is for. One that may still
// change is moved to another time (back to the garage to confirm) or cancelled through the offline queue, so it is
// done without a signal too and goes when the network returns; what the garage answered, or a conflict, is shown.
import { apiOr } from '../api.js';
import { records } from '../copy.js';
import { queue, onOutcome } from '../offline.js';
import { h, showing, chip, button, banner, field, when, words } from '../ui.js';

/** The open screen's notice and redraw, for the outcome of a queued change. */
let outcome = () => {};
onOutcome((mutation, result) => mutation.entity === 'appointment' && outcome(mutation, result));

export async function appointmentsScreen({ section, show = showing() }) {
  const [page, vehicles] = await Promise.all([
    apiOr(section.path, async () => ({ items: await records('appointment') })),
    apiOr('/api/v1/vehicles', async () => ({ items: await records('vehicle') }))]);
  const names = new Map(vehicles.items.map((vehicle) => [vehicle.id,
    [vehicle.make, vehicle.model, vehicle.registrationPlate].filter(Boolean).join(' · ')]));
  const notice = h('div', { id: 'appointments-notice', 'aria-live': 'polite' });
  const redraw = () => appointmentsScreen({ section, show });
  outcome = (mutation, result) => {
    if (result.result === 'applied') {
      redraw().then(() => document.getElementById('appointments-notice')?.replaceChildren(banner(
        mutation.operation === 'cancel' ? 'Cancelled.' : 'Asked for the new time: the garage confirms it.')));
    } else {
      notice.replaceChildren(banner(`Not changed: ${result.problem?.detail || words(result.result)}`, 'error'));
    }
  };
  const items = [...page.items].sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
  show(section.title, notice, items.length === 0 ? h('p', { className: 'muted' }, 'No appointments yet.')
    : h('ul', { className: 'list', id: 'appointments' }, items.map((appointment) => h('li', {},
      appointmentCard(appointment, names.get(appointment.vehicleId), notice)))));
}

function appointmentCard(appointment, vehicle, notice) {
  const node = h('div', { className: 'card', 'data-appointment': appointment.id, 'data-status': appointment.status },
    h('p', { className: 'card__title row' }, when(appointment.startsAt), chip(appointment.status)),
    h('p', { className: 'card__meta' }, [vehicle, appointment.serviceRequested].filter(Boolean).join(' · ')));
  if (appointment.changeable) node.append(changeForm(appointment, notice));
  return node;
}

/** A new time (an hour ahead at the earliest, as the garage's rule says) or a cancellation, both queued. */
function changeForm(appointment, notice) {
  const id = `reschedule-${appointment.id}`;
  const startsAt = h('input', { type: 'datetime-local', required: true, min: localInput(Date.now() + 3_600_000) });
  const cancel = button('Cancel the appointment', (event) => confirmCancel(event, appointment, notice), 'danger',
    { 'data-cancel': appointment.id });
  return h('form', { className: 'row actions', onsubmit: (event) => {
    event.preventDefault();
    change(appointment, 'reschedule', { startsAt: new Date(startsAt.value).toISOString() }, notice);
  } },
  field(id, 'Another time', startsAt),
  h('button', { type: 'submit', className: 'button button--quiet', 'data-reschedule': appointment.id }, 'Ask for it'),
  cancel);
}

/** Cancels after a second tap. */
function confirmCancel(event, appointment, notice) {
  const control = event.currentTarget;
  if (!control.dataset.confirm) {
    control.dataset.confirm = 'asked';
    control.textContent = 'Cancel it for sure?';
    return;
  }
  change(appointment, 'cancel', {}, notice);
}

async function change(appointment, operation, payload, notice) {
  await queue({ entity: 'appointment', operation, entityId: appointment.id, baseVersion: appointment.version, payload });
  if (!navigator.onLine) notice.replaceChildren(banner('Saved on this device; it goes when you are back online.'));
}

/** A time as a datetime-local input takes it, in the device's time zone. */
function localInput(millis) {
  const date = new Date(millis);
  return new Date(millis - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
