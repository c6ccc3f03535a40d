// Inbound tows (docs/partners.md "Live, push, the advisor"): the roadside tows coming to the garage, whose vehicle,
// where each stands and when it should arrive, with the job card a tow opened; redrawn as roadside events arrive.
import { api } from '../api.js';
import { listenForScreen as listen } from '../live.js';
import { h, showing, chip, when } from '../ui.js';

export async function inboundTowsScreen({ section }) {
  const show = showing();
  const list = h('ul', { className: 'list', id: 'inbound-tows' });
  const draw = (tows) => list.replaceChildren(...tows.map((tow) => h('li', {}, h('div', {
    className: 'card', 'data-tow': tow.requestId, 'data-status': tow.status },
  h('p', { className: 'card__title row' }, `${tow.vehicle}${tow.registrationPlate ? ` · ${tow.registrationPlate}` : ''}`,
    chip(tow.status)),
  h('p', { className: 'card__meta' }, [tow.customerName, tow.partner,
    tow.etaAt && `arriving ${when(tow.etaAt)}`].filter(Boolean).join(' · ')),
  tow.jobId && h('a', { className: 'button button--quiet', href: `#/workshop/${tow.jobId}`, 'data-job': tow.jobId },
    'Open the job card')))));
  const empty = h('p', { className: 'muted', id: 'inbound-tows-empty' }, 'No tows on their way.');
  const redraw = (tows) => {
    draw(tows);
    empty.hidden = tows.length > 0;
  };
  redraw(await api(section.path));
  show(section.title, empty, list);
  listen((message) => message.topic === 'roadside' && api(section.path)
    .then((tows) => list.isConnected && redraw(tows)).catch(() => {}));
}
