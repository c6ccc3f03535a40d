// The NPS question on a closed repair (docs/analytics.md "Surveys"): offered only when the app configuration says one
// is due (GET /api/v1/app-config, `surveys.nps`), so once answered it is not asked again; "Not now" hides it for this
// session. The slot says what became of it in `data-nps` (offered, not-due, answered, later).
import { api, Problem } from '../api.js';
import { h, banner, button, field } from '../ui.js';

const LATER = 'garage.survey.nps.later';
const NOT_DUE = 'urn:garage:problem:survey-not-due';

/** A place for the question on a repair: filled once the configuration said whether an NPS is due. */
export function npsOffer(job) {
  const slot = h('div', { id: 'nps-slot', 'aria-live': 'polite' });
  if (job.status !== 'CLOSED' || sessionStorage.getItem(LATER)) {
    slot.dataset.nps = 'not-due';
    return slot;
  }
  api('/api/v1/app-config')
    .then((config) => (config.surveys?.nps ? ask(slot, job) : settle(slot, 'not-due')))
    .catch(() => settle(slot, 'not-due'));
  return slot;
}

function ask(slot, job) {
  const scores = Array.from({ length: 11 }, (_, score) => h('label', { className: 'scale__choice' },
    h('input', { type: 'radio', name: 'nps-score', value: score, required: true }), String(score)));
  const comment = h('textarea', { maxlength: 2000, rows: 3 });
  const notice = h('div', { 'aria-live': 'polite' });
  const form = h('form', { id: 'nps', className: 'card survey', 'aria-labelledby': 'nps-question',
    onsubmit: (event) => {
      event.preventDefault();
      answer(slot, job, Number(form.elements['nps-score'].value), comment.value.trim(), notice);
    } },
  h('h2', { id: 'nps-question' }, 'How likely are you to recommend us to a friend or colleague?'),
  h('fieldset', { className: 'scale' },
    h('legend', {}, 'From 0, not at all likely, to 10, extremely likely'), scores),
  field('nps-comment', 'What is the main reason for your score? (optional)', comment),
  notice,
  h('div', { className: 'row' },
    h('button', { type: 'submit', className: 'button', id: 'nps-send' }, 'Send'),
    button('Not now', () => later(slot), 'quiet', { id: 'nps-later' })));
  slot.replaceChildren(form);
  slot.dataset.nps = 'offered';
}

async function answer(slot, job, score, comment, notice) {
  try {
    await api('/api/v1/surveys/answers', { method: 'POST',
      body: { kind: 'NPS', score, jobId: job.id, ...(comment ? { comment } : {}) } });
    settle(slot, 'answered', banner('Thank you for telling us.'));
  } catch (failure) {
    if (failure instanceof Problem && failure.type === NOT_DUE) {
      settle(slot, 'not-due');
    } else {
      notice.replaceChildren(banner(failure instanceof Problem ? `Not sent: ${failure.message}`
        : 'Not sent: this needs a connection. Try again when you are back online.', 'error'));
    }
  }
}

function later(slot) {
  sessionStorage.setItem(LATER, 'yes');
  settle(slot, 'later');
}

function settle(slot, outcome, ...content) {
  slot.replaceChildren(...content);
  slot.dataset.nps = outcome;
}
