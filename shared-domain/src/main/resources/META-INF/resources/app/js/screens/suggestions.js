// The job card's suggestions (docs/recommendations.md): the next steps and checks the recommender offers for the job
// (its trouble codes, services due, declined work, the last inspection, the garage's learned model), each with its
// reasons and the figures behind them; and, for those whose section allows managing recommendations (advisors at
// check-in), the vehicle's due services, open declined work and recalls. Both are read online only: they are worked
// out on request, and a job card opened from the copy says so.
import { api } from '../api.js';
import { h, chip, figures, words } from '../ui.js';

const SOURCES = { TROUBLE_CODE: 'Trouble code', SERVICE_DUE: 'Service due', DECLINED_FOLLOW_UP: 'Declined before',
  INSPECTION: 'Last inspection', MODEL: 'This garage\'s jobs' };

/** The suggestions part of the job card: drawn at once, filled when the answers arrive. */
export function jobSuggestions(job, actions) {
  const checks = h('div', { id: 'suggestions', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Loading…'));
  const due = actions.includes('recommendations:manage') && job.vehicle
    ? h('div', { id: 'vehicle-recommendations', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Loading…'))
    : null;
  api(`/api/v1/jobs/${job.id}/suggestions`).then((list) => checks.replaceChildren(suggestionList(list)))
    .catch((failure) => checks.replaceChildren(unavailable(failure)));
  if (due) {
    api(`/api/v1/vehicles/${job.vehicle.id}/recommendations`)
      .then((items) => due.replaceChildren(recommendationList(items)))
      .catch((failure) => due.replaceChildren(unavailable(failure)));
  }
  return [h('h2', {}, 'Suggested checks and next steps'), checks,
    due && h('h2', {}, 'Due for this vehicle'), due];
}

function suggestionList(list) {
  const codes = list.codes.length > 0 ? `Codes considered: ${list.codes.join(', ')}.` : 'No trouble codes reported.';
  const model = list.modelVersion ? ` Model version ${list.modelVersion}.` : ' No model trained yet.';
  return h('div', {}, h('p', { className: 'muted' }, codes + model),
    list.suggestions.length === 0 ? h('p', { className: 'muted' }, 'Nothing to suggest for this job.')
      : h('ul', { className: 'list' }, list.suggestions.map((suggestion) => h('li', {}, h('div', {
        className: 'card', 'data-suggestion': suggestion.work, 'data-source': suggestion.source },
      h('p', { className: 'card__title row' }, capitalised(suggestion.work),
        h('span', { className: 'chip' }, SOURCES[suggestion.source] || words(suggestion.source))),
      h('p', { className: 'card__meta' }, `Confidence ${Math.round(suggestion.score * 100)}%`),
      reasons(suggestion.reasons), figures(suggestion.evidence))))));
}

function recommendationList(items) {
  return items.length === 0 ? h('p', { className: 'muted' }, 'Nothing due, declined or recalled for this vehicle.')
    : h('ul', { className: 'list' }, items.map((item) => h('li', {}, h('div', {
      className: 'card', 'data-recommendation': item.id, 'data-kind': item.kind },
    h('p', { className: 'card__title row' }, item.title, chip(item.status)),
    h('p', { className: 'card__meta' }, words(item.kind), item.dueOn ? ` · due ${item.dueOn}` : ''),
    reasons(item.reasons), figures(item.evidence)))));
}

function reasons(list) {
  return h('ul', { className: 'reasons' }, list.map((reason) => h('li', {}, reason)));
}

function unavailable(failure) {
  return h('p', { className: 'muted' }, navigator.onLine ? `Not available: ${failure.message}`
    : 'Suggestions need a connection.');
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
