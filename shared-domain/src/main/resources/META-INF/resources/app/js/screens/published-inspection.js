// The customer's view of a repair's inspection once the garage published it (docs/bay.md "What the customer sees"):
// the items the garage shows customers, each with its colour, the technician's note, measurements and photos.
import { api, Problem } from '../api.js';
import { records } from '../copy.js';
import { mediaTile } from '../media.js';
import { h, chip } from '../ui.js';

/** The repair's published inspection, null while there is none; offline, the one in the copy. */
export async function publishedInspection(jobId) {
  try {
    return await api(`/api/v1/jobs/${jobId}/inspection`);
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) return null;
    if (failure instanceof Problem) throw failure;
    return (await records('inspection')).find((found) => found.jobId === jobId) || null;
  }
}

export function inspectionReport(inspection) {
  if (!inspection) return h('p', { className: 'muted', id: 'inspection' }, 'The garage has not shared an inspection yet.');
  return h('ul', { className: 'list', id: 'inspection' }, inspection.items.map((item) => h('li', {},
    h('div', { className: 'card', 'data-item': item.id, 'data-condition': item.condition || '' },
      h('p', { className: 'card__title row' }, `${item.section}: ${item.label}`, chip(item.condition || 'NOT_INSPECTED')),
      item.note && h('p', {}, item.note),
      item.measurements.filter((measurement) => measurement.value !== null && measurement.value !== undefined)
        .map((measurement) => h('p', { className: 'card__meta' },
          `${measurement.label}: ${measurement.value} ${measurement.unit}`)),
      item.media.length > 0 && h('ul', { className: 'media-tiles' },
        item.media.map((media) => mediaTile(media, item.label)))))));
}
