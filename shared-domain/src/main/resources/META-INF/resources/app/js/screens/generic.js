// A section the app has no dedicated screen for yet: what its endpoint answers, as cards or as a list of fields,
// so that every section the API lists can be opened.
import { api } from '../api.js';
import { h, showing, card, words } from '../ui.js';

const TITLE_FIELDS = ['title', 'name', 'displayName', 'description', 'registrationPlate', 'category', 'status'];

export async function genericScreen({ section }) {
  const show = showing();
  const body = await api(section.path);
  const items = Array.isArray(body) ? body : body?.items || body?.sections || body?.categories;
  if (Array.isArray(items)) {
    show(section.title, items.length === 0 ? h('p', { className: 'muted' }, 'Nothing here yet.')
      : h('ul', { className: 'list' }, items.map((item) => h('li', {}, card(titleOf(item), metaOf(item))))));
    return;
  }
  show(section.title, h('dl', {}, Object.entries(body || {}).filter(([key, value]) => typeof value !== 'object'
    && key !== 'version' && key !== 'id' && !key.endsWith('Id'))
    .flatMap(([key, value]) => [h('dt', { className: 'muted' }, words(key)), h('dd', {}, String(value))])));
}

function titleOf(item) {
  if (typeof item !== 'object' || item === null) return String(item);
  const field = TITLE_FIELDS.find((name) => typeof item[name] === 'string');
  return field ? item[field] : Object.values(item).find((value) => typeof value === 'string') || '';
}

function metaOf(item) {
  if (typeof item !== 'object' || item === null) return '';
  return ['make', 'model', 'startsAt', 'status'].filter((name) => item[name]).map((name) => words(item[name])).join(' · ');
}
