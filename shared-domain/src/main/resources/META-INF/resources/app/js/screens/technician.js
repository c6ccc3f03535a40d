// The technician app's screens: the job board (live), the job card with its clock (clock.js), suggested checks
// (suggestions.js), steps, status moves and notes, the job's inspection (inspection.js), and the job's conversation
// with its customer and workshop channels and my conversations (chat.js).
// Steps and notes are written through the offline queue, so they work the same in the bay without a signal.
import { api, apiOr } from '../api.js';
import { record, records } from '../copy.js';
import { listenForScreen as listen } from '../live.js';
import { conversations, jobConversation } from './chat.js';
import { timeOnJob } from './clock.js';
import { inboundTowsScreen } from './inbound-tows.js';
import { inspectionScreen } from './inspection.js';
import { notificationsScreen } from './notifications.js';
import { jobSuggestions } from './suggestions.js';
import { queue, onOutcome } from '../offline.js';
import { h, showing, card, chip, button, banner, field, when, words } from '../ui.js';

async function board(screen) {
  const { section, id, view } = screen;
  if (id && view === 'chat') return jobConversation(screen);
  if (id && view === 'inspection') return inspectionScreen({ section, id });
  if (id) return jobCard({ section, id });
  const show = showing();
  const page = await apiOr(section.path, async () => ({ items: (await records('job')).map(boardCard) }));
  const draw = (items) => show(section.title, items.length === 0
    ? h('p', { className: 'muted' }, 'No jobs on the board today.')
    : h('ul', { className: 'list', id: 'board' }, items.map((job) => h('li', {}, card(
      h('span', { className: 'row' }, `#${job.number} ${vehicleName(job.vehicle)}`, chip(job.status)),
      `${job.concern || ''} · promised ${when(job.promisedAt)} · steps ${job.stepsDone}/${job.stepsTotal}`,
      `#/${section.id}/${job.id}`, { 'data-job': job.id, 'data-status': job.status })))));
  draw(page.items);
  listen((message) => message.topic === 'job' && api(section.path).then((next) => draw(next.items)));
}

async function jobCard({ section, id, show = showing() }) {
  const job = await apiOr(`/api/v1/jobs/${id}`, () => record('job', id));
  if (!job) throw new Error('This job is not in the offline copy yet: open it once with a connection.');
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });
  const note = h('textarea', { rows: 3, maxlength: 4000 });
  const time = await timeOnJob(job, { canClock: (section.actions || []).includes('jobs:change-status'),
    onChange: () => refreshCard(section, id) });
  show(`Job #${job.number}`,
    notice,
    h('p', { className: 'row' }, chip(job.status),
      [vehicleName(job.vehicle), job.vehicle?.registrationPlate].filter(Boolean).join(' · ')),
    h('p', {}, job.concern || ''),
    h('p', { className: 'row' },
      h('a', { className: 'button button--quiet', href: `#/${section.id}/${id}/chat`, id: 'open-chat' }, 'Conversation'),
      h('a', { className: 'button button--quiet', href: `#/${section.id}/${id}/inspection`, id: 'open-inspection' },
        'Inspection')),
    time,
    jobSuggestions(job, section.actions || []),
    h('h2', {}, 'Status'),
    h('div', { className: 'row', id: 'moves' }, [...job.allowedTransitions].map((target) => button(
      `Move to ${words(target)}`, () => move(job, target, notice, () => jobCard({ section, id, show })), 'quiet',
      { 'data-move': target }))),
    h('h2', {}, 'Steps'),
    h('ul', { className: 'list', id: 'steps' }, job.steps.map((step) => h('li', {}, h('div', { className: 'card row' },
      h('span', { className: 'card__title' }, `${step.position + 1}. ${step.title}`), chip(step.status),
      nextStepStatus(step.status) && button(`Mark ${words(nextStepStatus(step.status))}`,
        () => moveStep(step, notice), 'quiet', { 'data-step': step.id }))))),
    h('h2', {}, 'Notes'),
    h('ul', { className: 'list', id: 'notes' }, job.notes.map((entry) => h('li', {},
      card(entry.body, `${entry.author?.name || ''} · ${words(entry.visibility)} · ${when(entry.createdAt)}`)))),
    h('form', { id: 'note-form', onsubmit: (event) => addNote(event, job, note, notice) },
      field('note-body', 'Add a note for the customer', note),
      h('button', { type: 'submit', className: 'button' }, 'Add note')));
  listen((message) => message.topic === 'job' && message.jobId === id && refreshCard(section, id));
}

async function move(job, target, notice, redraw) {
  try {
    // The card is read again below, so the server need not send it back.
    await api(`/api/v1/jobs/${job.id}/status`, {
      method: 'POST', body: { status: target, baseVersion: job.version }, headers: { Prefer: 'return=minimal' },
    });
    await redraw();
  } catch (failure) {
    const conflict = failure.status === 409 || failure.status === 412;
    notice.replaceChildren(banner(conflict
      ? `Someone changed this job meanwhile (now ${words(failure.body?.current?.status || 'changed')}). Reload it and try again.`
      : failure.message, 'error'));
    notice.querySelector('.banner').dataset.problem = failure.type;
  }
}

function moveStep(step, notice) {
  return queued(queue({ entity: 'job-step', operation: 'set-status', entityId: step.id, baseVersion: step.version,
    payload: { status: nextStepStatus(step.status) } }), notice);
}

function addNote(event, job, note, notice) {
  event.preventDefault();
  if (!note.value.trim()) return undefined;
  const body = note.value;
  note.value = '';
  return queued(queue({ entity: 'job-note', operation: 'add', entityId: crypto.randomUUID(),
    payload: { jobId: job.id, visibility: 'CUSTOMER', body } }), notice);
}

async function queued(sending, notice) {
  await sending.catch(() => {});
  if (!navigator.onLine) notice.replaceChildren(banner('Saved on this phone; it goes when you are back online.'));
}

function refreshCard(section, id) {
  if (location.hash.endsWith(id)) jobCard({ section, id });
}

/** A job card of the offline copy as the board shows it. */
function boardCard(job) {
  const done = job.steps.filter((step) => step.status === 'DONE' || step.status === 'SKIPPED').length;
  return { ...job, stepsDone: done, stepsTotal: job.steps.length };
}

function nextStepStatus(status) {
  return { PENDING: 'IN_PROGRESS', IN_PROGRESS: 'DONE' }[status];
}

function vehicleName(vehicle) {
  return vehicle ? `${vehicle.make} ${vehicle.model}` : '';
}


onOutcome((mutation, result) => {
  if (result.result === 'APPLIED' || result.result === 'applied') return;
  const notice = document.getElementById('notice');
  notice?.replaceChildren(banner(`Not saved: ${result.problem?.detail || words(result.result)}`, 'error'));
});

export const technicianScreens = { 'my-jobs': board, workshop: board, chat: conversations, 'inbound-tows': inboundTowsScreen,
  notifications: notificationsScreen };
