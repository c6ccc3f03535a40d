// My vehicles (docs/partners.md "Recalls"): the list from the API or the offline copy; a vehicle with its open safety
// recalls (campaign, component, summary, consequence, remedy) and a one-tap appointment request for each, and the
// manufacturer programme services falling due. Recall data older than a refresh says so plainly.
import { api, apiOr } from '../api.js';
import { track } from '../analytics.js';
import { record, records } from '../copy.js';
import { h, showing, card, chip, button, banner, when } from '../ui.js';

export async function vehiclesScreen({ section, id }) {
  if (id) return vehicleScreen({ section, id });
  const show = showing();
  const page = await apiOr(section.path, async () => ({ items: await records('vehicle') }));
  show(section.title, page.items.length === 0 ? h('p', { className: 'muted' }, 'No vehicles yet.')
    : h('ul', { className: 'list', id: 'vehicles' }, page.items.map((vehicle) => h('li', {}, card(
      name(vehicle), [vehicle.registrationPlate, vehicle.colour, vehicle.mileageKm && `${vehicle.mileageKm} km`]
        .filter(Boolean).join(' · '), `#/${section.id}/${vehicle.id}`, { 'data-vehicle': vehicle.id })))));
}

async function vehicleScreen({ section, id }) {
  const show = showing();
  const vehicle = await apiOr(`${section.path}/${id}`, () => record('vehicle', id));
  if (!vehicle) throw new Error('This vehicle is not in the offline copy yet: open it once with a connection.');
  const programmes = await apiOr(`${section.path}/${id}/programmes`, () => null);
  show(name(vehicle),
    h('p', {}, [vehicle.registrationPlate, vehicle.vin && `VIN ${vehicle.vin}`].filter(Boolean).join(' · ')),
    programmes === null ? banner('You are offline: recalls and due services need a connection.')
      : [programmes.notice && banner(programmes.notice, programmes.recalls.length ? 'info' : 'error'),
        h('h2', {}, 'Safety recalls'), recalls(vehicle, programmes),
        h('h2', {}, 'Services due'), dueServices(programmes)],
    h('p', {}, h('a', { href: `#/${section.id}` }, 'All my vehicles')));
}

function recalls(vehicle, programmes) {
  if (programmes.recalls.length === 0) {
    return h('p', { className: 'muted' }, programmes.delayed ? 'Recalls could not be checked just now.'
      : 'No open recalls for this vehicle.');
  }
  return h('ul', { className: 'list', id: 'recalls' }, programmes.recalls.map((recall) => {
    const asked = h('div', { 'aria-live': 'polite' }, recall.appointmentId
      ? h('p', { className: 'row' }, chip('REQUESTED'), 'An appointment has been asked for.')
      : button('Ask for an appointment', () => book(vehicle, recall, asked), '', { 'data-book': recall.campaignNumber }));
    return h('li', {}, h('article', { className: 'card', 'data-recall': recall.campaignNumber },
      h('h3', { className: 'card__title' }, `${recall.component} (campaign ${recall.campaignNumber})`),
      recall.parkIt && banner('Do not drive this vehicle until it is repaired.', 'error'),
      h('p', {}, recall.summary),
      h('p', {}, h('strong', {}, 'Risk: '), recall.consequence),
      h('p', {}, h('strong', {}, 'Remedy: '), recall.remedy),
      asked));
  }));
}

async function book(vehicle, recall, asked) {
  try {
    const appointment = await api(`/api/v1/vehicles/${vehicle.id}/recall-appointments`, { method: 'POST',
      body: { campaign: recall.campaignNumber } });
    track('appointment.requested', { appointmentId: appointment.appointmentId });
    asked.replaceChildren(h('p', { className: 'row', 'data-appointment': appointment.appointmentId },
      chip(appointment.status), `Appointment asked for ${when(appointment.startsAt)}; the garage will confirm it.`));
  } catch (failure) {
    asked.append(banner(failure.status ? failure.message : 'You are offline: asking needs a connection.', 'error'));
  }
}

function dueServices(programmes) {
  if (programmes.dueServices.length === 0) return h('p', { className: 'muted' }, 'Nothing due yet.');
  return h('ul', { className: 'list', id: 'due-services' }, programmes.dueServices.map((due) => h('li', {},
    h('div', { className: 'card row', 'data-service': due.code },
      h('span', { className: 'card__title' }, due.name), due.overdue && chip('OVERDUE'),
      h('span', { className: 'card__meta' }, [due.dueAtKm && `at ${due.dueAtKm} km`,
        due.dueOn && `by ${new Date(due.dueOn).toLocaleDateString()}`].filter(Boolean).join(' or '))))));
}

function name(vehicle) {
  return [vehicle.modelYear, vehicle.make, vehicle.model].filter(Boolean).join(' ') || 'Vehicle';
}
