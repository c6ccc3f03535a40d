// Roadside help (docs/partners.md): the customer asks the garage's roadside partner for help with the kind, the vehicle,
// where they are (the browser's position, or typed in) and a callback number, after agreeing to the data the partner
// receives; then follows the request's status and ETA live (topic roadside) and may call it off. The requests come
// from the offline copy (roadside-request) without a network; asking for help needs one, it must reach a partner now.
import { api, apiOr } from '../api.js';
import { record, records } from '../copy.js';
import { listenForScreen as listen } from '../live.js';
import { h, showing, card, chip, button, banner, field, when, words } from '../ui.js';

const SERVICES = { TOW: 'Tow', JUMP_START: 'Jump start', FLAT_TYRE: 'Flat tyre', LOCKOUT: 'Locked out', FUEL: 'Out of fuel' };
const ENDED = ['COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL'];

export async function roadsideScreen({ section, id }) {
  if (id) return requestScreen({ section, id });
  const show = showing();
  const [mine, partners, vehicles] = await Promise.all([
    apiOr(section.path, async () => (await records('roadside-request'))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    apiOr('/api/v1/partners', () => null),
    apiOr('/api/v1/vehicles?limit=50', async () => ({ items: await records('vehicle') }))]);
  const partner = partners?.find((offered) => offered.kind === 'ROADSIDE');
  const history = h('ul', { className: 'list', id: 'roadside-requests' }, requestCards(section, mine));
  const none = h('p', { className: 'muted', hidden: mine.length > 0 }, 'No requests yet.');
  show(section.title,
    h('h2', {}, 'Ask for help'),
    partners === null ? banner('You are offline: asking for help needs a connection. Your requests below are as last'
      + ' synced.', 'error')
      : partner ? helpForm(section, partner, vehicles.items)
        : h('p', { className: 'muted' }, 'Your garage offers no roadside help through the app.'),
    h('h2', {}, 'Your requests'),
    none, history);
  listen((message) => message.topic === 'roadside' && api(section.path).then((next) => {
    history.replaceChildren(...requestCards(section, next));
    none.hidden = next.length > 0;
  }).catch(() => {}));
}

function requestCards(section, requests) {
  return requests.map((request) => h('li', {}, card(
    h('span', { className: 'row' }, SERVICES[request.service] || words(request.service), chip(request.status)),
    `${when(request.createdAt)}${request.etaAt && !ENDED.includes(request.status) ? ` · arriving ${when(request.etaAt)}` : ''}`,
    `#/${section.id}/${request.id}`, { 'data-request': request.id, 'data-status': request.status })));
}

function helpForm(section, partner, vehicles) {
  if (vehicles.length === 0) {
    return h('p', { className: 'muted' }, 'Help is asked for one of your vehicles: the garage has none on your account yet.'
      + ' Call your garage.');
  }
  const notice = h('div', { id: 'roadside-notice', 'aria-live': 'polite' });
  const service = h('select', { name: 'service' },
    Object.entries(SERVICES).map(([value, label]) => h('option', { value }, label)));
  const vehicle = h('select', { name: 'vehicleId' }, vehicles.map((v) => h('option', { value: v.id },
    [v.make, v.model, v.registrationPlate].filter(Boolean).join(' · '))));
  const latitude = h('input', { type: 'number', step: 'any', min: -90, max: 90, inputmode: 'decimal' });
  const longitude = h('input', { type: 'number', step: 'any', min: -180, max: 180, inputmode: 'decimal' });
  const address = h('input', { type: 'text', maxlength: 300, autocomplete: 'street-address' });
  const phone = h('input', { type: 'tel', maxlength: 20, autocomplete: 'tel' });
  const note = h('textarea', { rows: 2, maxlength: 500 });
  const towToGarage = h('input', { type: 'checkbox', id: 'roadside-tow' });
  const consent = h('input', { type: 'checkbox', id: 'roadside-agree', checked: partner.consented === true });
  const located = h('p', { className: 'muted', id: 'roadside-located', 'aria-live': 'polite' });
  const form = h('form', { id: 'roadside-form', onsubmit: (event) => {
    event.preventDefault();
    ask(section, partner, notice, consent.checked, {
      vehicleId: vehicle.value, service: service.value, latitude: number(latitude), longitude: number(longitude),
      address: address.value.trim() || null, callbackPhone: phone.value.trim(), note: note.value.trim() || null,
      towToGarage: service.value === 'TOW' && towToGarage.checked });
  } },
  field('roadside-service', 'What help do you need?', service),
  field('roadside-vehicle', 'Which vehicle?', vehicle),
  h('fieldset', {}, h('legend', {}, 'Where are you?'),
    button('Use my location', () => locate(latitude, longitude, located), 'quiet', { id: 'roadside-locate' }),
    located,
    field('roadside-latitude', 'Latitude', latitude),
    field('roadside-longitude', 'Longitude', longitude),
    field('roadside-address', 'Address or landmark (helps the responder find you)', address)),
  field('roadside-phone', 'Number to call you back on', phone),
  field('roadside-note', 'Anything the responder should know', note),
  h('div', { className: 'field' }, h('label', { for: 'roadside-tow' }, towToGarage, ' Tow it to the garage (a tow only)')),
  h('div', { className: 'field', id: 'roadside-consent' },
    h('p', {}, `${partner.displayName}: ${partner.terms}`),
    h('label', { for: 'roadside-agree' }, consent, ` I agree to share my ${partner.dataShared.join(', ')} with ${partner.displayName}`),
    partner.consented === true && button('Withdraw my consent', () => withdraw(partner, consent, notice), 'quiet',
      { id: 'roadside-withdraw' })),
  notice,
  h('button', { type: 'submit', className: 'button', id: 'roadside-ask' }, 'Ask for help'));
  return form;
}

function number(input) {
  return input.value === '' ? null : Number(input.value);
}

function locate(latitude, longitude, located) {
  if (!navigator.geolocation) {
    located.textContent = 'This browser cannot tell where you are: type the position from your map app.';
    return;
  }
  located.textContent = 'Finding where you are…';
  navigator.geolocation.getCurrentPosition((position) => {
    latitude.value = position.coords.latitude.toFixed(6);
    longitude.value = position.coords.longitude.toFixed(6);
    located.textContent = `Found within ${Math.round(position.coords.accuracy)} m.`;
  }, () => {
    located.textContent = 'Your position is not available: type it from your map app, and the address if you can.';
  }, { enableHighAccuracy: true, timeout: 15_000 });
}

/** Nothing more goes to the partner until the customer agrees again (requests already sent carry on). */
async function withdraw(partner, consent, notice) {
  try {
    await api('/api/v1/partner-consents', { method: 'PUT', body: { partner: partner.partner, granted: false } });
    partner.consented = false;
    consent.checked = false;
    document.getElementById('roadside-withdraw')?.remove();
    notice.replaceChildren(banner(`Withdrawn: nothing more goes to ${partner.displayName} unless you agree again.`));
  } catch (failure) {
    notice.replaceChildren(banner(`Not withdrawn: ${failure.message}`, 'error'));
  }
}

/** Records the consent first if it was not given yet (nothing reaches the partner before it), then asks. */
async function ask(section, partner, notice, agreed, body) {
  if (!agreed) {
    notice.replaceChildren(banner(`Help can only be sent once you agree to share this with ${partner.displayName}.`,
      'error'));
    return;
  }
  try {
    if (partner.consented !== true) {
      await api('/api/v1/partner-consents', { method: 'PUT', body: { partner: partner.partner, granted: true } });
      partner.consented = true;
    }
    const asked = await api(section.path, { method: 'POST', body,
      headers: { 'Idempotency-Key': crypto.randomUUID() } });
    location.hash = `#/${section.id}/${asked.id}`;
  } catch (failure) {
    const fields = (failure.body?.errors || []).map((error) => `${words(error.field)}: ${error.message}`);
    notice.replaceChildren(banner(failure.status ? [failure.message, ...fields].join(' ')
      : 'You are offline: asking for help needs a connection. Call your garage if you can.', 'error'));
  }
}

async function requestScreen({ section, id, show = showing() }) {
  const request = await apiOr(`${section.path}/${id}`, () => record('roadside-request', id));
  if (!request) throw new Error('This request is not in the offline copy yet: open it once with a connection.');
  const status = h('span', { id: 'roadside-status', 'data-status': request.status }, chip(request.status));
  const eta = h('span', { id: 'roadside-eta' }, etaText(request));
  const delay = h('div', { id: 'roadside-delay', 'aria-live': 'polite' }, delayNotice(request));
  const timeline = h('ol', { className: 'timeline', id: 'roadside-timeline' },
    h('li', {}, `Asked ${when(request.createdAt)}`));
  const notice = h('div', { id: 'roadside-notice', 'aria-live': 'polite' });
  const cancel = !ENDED.includes(request.status) && button('Call it off',
    () => callOff(section, id, notice, show), 'danger', { id: 'roadside-cancel' });
  show(`${SERVICES[request.service] || words(request.service)}${request.towToGarage ? ' to the garage' : ''}`,
    delay,
    h('p', { className: 'row', 'aria-live': 'polite' }, 'Status: ', status),
    h('p', { 'aria-live': 'polite' }, eta),
    request.address && h('p', {}, `Where: ${request.address}`),
    request.note && h('p', {}, request.note),
    notice, cancel,
    h('h2', {}, 'Updates'), timeline,
    h('p', {}, h('a', { href: `#/${section.id}` }, 'All my requests')));
  let shown = heard(request);
  listen((message) => {
    // The request's first event may come after the screen read it, and a job card opened by a tow repeats a status.
    if (message.topic !== 'roadside' || message.requestId !== id || shown === heard(message)) return;
    shown = heard(message);
    status.dataset.status = message.status;
    status.replaceChildren(chip(message.status));
    eta.replaceChildren(etaText(message));
    if (message.status !== 'REQUESTED') delay.replaceChildren();
    if (ENDED.includes(message.status)) document.getElementById('roadside-cancel')?.remove();
    timeline.append(h('li', {}, `${words(message.status)}${message.etaAt ? `, arriving ${when(message.etaAt)}` : ''}`
      + ` (${when(message.occurredAt)})`));
  });
}

function heard(update) {
  return `${update.status} ${update.etaAt ?? ''}`;
}

function etaText(request) {
  if (ENDED.includes(request.status)) return '';
  return request.etaAt ? `Help arrives around ${when(request.etaAt)}` : 'Waiting for an arrival time';
}

function delayNotice(request) {
  return request.delayed ? banner(request.notice
    || 'Your request is queued: the assistance partner has not confirmed it yet. It goes as soon as they answer.')
    : null;
}

async function callOff(section, id, notice, show) {
  try {
    await api(`${section.path}/${id}/cancel`, { method: 'POST' });
    await requestScreen({ section, id, show });
  } catch (failure) {
    notice.replaceChildren(banner(failure.status ? failure.message
      : 'You are offline: calling it off needs a connection. Call your garage if you can.', 'error'));
  }
}
