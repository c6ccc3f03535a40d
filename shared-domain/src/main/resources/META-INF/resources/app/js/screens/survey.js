// The survey on a closed repair (docs/analytics.md "Surveys"): the NPS when the app configuration says one is due
// (GET /api/v1/app-config, `surveys.nps`), otherwise the CSAT about this repair when that is due (`surveys.csat`), so
// once answered neither is asked before the server's rules allow; "Not now" hides it for this session. The slot says
// what became of it in `data-survey` (offered, not-due, answered, later) and the form which it asks in `data-kind`.
import { api, Problem } from '../api.js';
import { h, banner, button, field } from '../ui.js';

const LATER = 'garage.survey.later';
const NOT_DUE = 'urn:garage:problem:survey-not-due';

const KINDS = {
  NPS: {
    question: 'How likely are you to recommend us to a friend or colleague?',
    from: 0, to: 10, scale: 'From 0, not at all likely, to 10, extremely likely',
    comment: 'What is the main reason for your score? (optional)',
  },
  CSAT: {
    question: 'How satisfied are you with this repair?',
    from: 1, to: 5, scale: 'From 1, very dissatisfied, to 5, very satisfied',
    comment: 'What could we have done better? (optional)',
  },
};

/** A place for the question on a repair: filled once the configuration said which survey, if any, is due. */
export function surveyOffer(job) {
  const slot = h('div', { id: 'survey-slot', 'aria-live': 'polite' });
  if (job.status !== 'CLOSED' || sessionStorage.getItem(LATER)) {
    slot.dataset.survey = 'not-due';
    return slot;
  }
  api('/api/v1/app-config')
    .then(({ surveys }) => {
      const kind = surveys?.nps ? 'NPS' : surveys?.csat ? 'CSAT' : null;
      return kind ? ask(slot, job, kind) : settle(slot, 'not-due');
    })
    .catch(() => settle(slot, 'not-due'));
  return slot;
}

function ask(slot, job, kind) {
  const { question, from, to, scale, comment: prompt } = KINDS[kind];
  const scores = Array.from({ length: to - from + 1 }, (_, i) => h('label', { className: 'scale__choice' },
    h('input', { type: 'radio', name: 'survey-score', value: from + i, required: true }), String(from + i)));
  const comment = h('textarea', { maxlength: 2000, rows: 3 });
  const notice = h('div', { 'aria-live': 'polite' });
  const form = h('form', { id: 'survey', className: 'card survey', 'aria-labelledby': 'survey-question',
    onsubmit: (event) => {
      event.preventDefault();
      answer(slot, { kind, score: Number(form.elements['survey-score'].value), jobId: job.id },
        comment.value.trim(), notice);
    } },
  h('h2', { id: 'survey-question' }, question),
  h('fieldset', { className: 'scale' }, h('legend', {}, scale), scores),
  field('survey-comment', prompt, comment),
  notice,
  h('div', { className: 'row' },
    h('button', { type: 'submit', className: 'button', id: 'survey-send' }, 'Send'),
    button('Not now', () => later(slot), 'quiet', { id: 'survey-later' })));
  form.dataset.kind = kind;
  slot.replaceChildren(form);
  slot.dataset.survey = 'offered';
}

async function answer(slot, body, comment, notice) {
  try {
    await api('/api/v1/surveys/answers', { method: 'POST', body: { ...body, ...(comment ? { comment } : {}) } });
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
  slot.dataset.survey = outcome;
}
