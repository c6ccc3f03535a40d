// Time on the job card (docs/bay.md "Time on job"): clock on, pause with one of the reasons the API offers, resume,
// clock off; the job's worked and paused minutes beside its labour estimate, counted on while my clock runs. Without
// a network the same moves are queued as time-entry mutations with the device's times: each entry begun is a
// record (which stops the one running before it), clocking off a stop.
import { api, Problem } from '../api.js';
import { queue } from '../offline.js';
import { h, button, banner, chip, field, when, words } from '../ui.js';

const KEPT = 'garage.clock';

/** The job card's time section; onChange() redraws the card after a move. */
export async function timeOnJob(job, { canClock, onChange }) {
  const clock = await myClock();
  const running = clock.running;
  const here = running && running.jobId === job.id ? running : null;
  const notice = h('div', { id: 'clock-notice', 'aria-live': 'polite' });
  const loadedAt = Date.now();
  const totals = h('p', { id: 'time-totals' });
  const elapsed = h('span', { id: 'clock-elapsed' });
  const tick = () => {
    const counting = here?.kind === 'WORK' ? Math.floor((Date.now() - loadedAt) / 60_000) : 0;
    totals.replaceChildren(`Worked ${minutes((job.time?.workedMinutes || 0) + counting)} · paused `
      + `${minutes(job.time?.pausedMinutes || 0)} · estimate `
      + `${job.time?.estimateMinutes ? minutes(job.time.estimateMinutes) : 'none'}`,
    job.time?.overrun ? chip('OVER_ESTIMATE') : '');
    if (here) elapsed.textContent = duration(Date.now() - Date.parse(here.startedAt));
  };
  tick();
  const timer = setInterval(() => (totals.isConnected ? tick() : clearInterval(timer)), 1000);
  const move = (action) => () => act(action, job, here, notice, onChange);
  const reason = h('select', {}, clock.pauseReasons.map((value) => h('option', { value }, words(value))));
  return h('section', { id: 'time', 'aria-labelledby': 'time-title', 'data-clock': here?.kind || 'OFF' },
    h('h2', { id: 'time-title' }, 'Time on job'), notice, totals,
    here && h('p', { id: 'clock-running' }, here.kind === 'WORK' ? 'On the clock' : `Paused: ${words(here.pauseReason)}`,
      ` since ${when(here.startedAt)} · `, elapsed),
    running && !here && h('p', { className: 'muted' }, 'Your clock runs on another job; clocking on here stops it.'),
    canClock && h('div', { className: 'row', id: 'clock-moves' },
      !here && button('Clock on', move({ path: 'on', entry: { kind: 'WORK' } }), '', { id: 'clock-on' }),
      here?.kind === 'PAUSE' && button('Resume', move({ path: 'resume', entry: { kind: 'WORK' } }), '',
        { id: 'clock-resume' }),
      here && button('Clock off', move({ path: 'off' }), 'quiet', { id: 'clock-off' })),
    canClock && here?.kind === 'WORK' && h('div', { className: 'row' }, field('pause-reason', 'Reason for a pause', reason),
      button('Pause', () => act({ path: 'pause', entry: { kind: 'PAUSE', pauseReason: reason.value } }, job, here,
        notice, onChange), 'quiet', { id: 'clock-pause' })),
    stepTotals(job));
}

function stepTotals(job) {
  const steps = (job.time?.steps || []).map((step) => ({ ...step,
    title: job.steps.find((candidate) => candidate.id === step.stepId)?.title || 'Whole job' }));
  return steps.length > 0 && h('ul', { className: 'list', id: 'step-times' }, steps.map((step) => h('li', {},
    `${step.title}: worked ${minutes(step.workedMinutes)}, paused ${minutes(step.pausedMinutes)}`)));
}

/** My running clock and the reasons a pause may give: from the API, or as last known on this device. */
async function myClock() {
  try {
    const clock = await api('/api/v1/clock');
    localStorage.setItem(KEPT, JSON.stringify(clock));
    return clock;
  } catch (failure) {
    if (failure instanceof Problem) throw failure;
    return JSON.parse(localStorage.getItem(KEPT) || '{"running": null, "pauseReasons": []}');
  }
}

async function act({ path, entry }, job, here, notice, onChange) {
  const entryId = crypto.randomUUID();
  try {
    const bodies = { on: { entryId, jobId: job.id }, pause: { entryId, reason: entry?.pauseReason },
      resume: { entryId } };
    const answer = await api(`/api/v1/clock/${path}`, { method: 'POST', body: bodies[path] });
    if (answer.stopped && answer.stopped.jobId !== job.id) notice.append(banner('Your clock on another job was stopped.'));
  } catch (failure) {
    if (failure instanceof Problem) {
      notice.replaceChildren(banner(failure.message, 'error'));
      return;
    }
    await queueOffline(path, entryId, entry, job, here);
  }
  await onChange();
}

/** The move as an offline write with the device's time, and the clock as this device now knows it. */
async function queueOffline(path, entryId, entry, job, here) {
  const now = new Date().toISOString();
  const kept = JSON.parse(localStorage.getItem(KEPT) || '{"pauseReasons": []}');
  if (path === 'off') {
    await queue({ entity: 'time-entry', operation: 'stop', entityId: here.id, baseVersion: here.version ?? 0,
      payload: { endedAt: now } });
    kept.running = null;
  } else {
    const stepId = here?.stepId;
    await queue({ entity: 'time-entry', operation: 'record', entityId: entryId,
      payload: { jobId: job.id, stepId, kind: entry.kind, pauseReason: entry.pauseReason, startedAt: now } });
    kept.running = { id: entryId, jobId: job.id, stepId, kind: entry.kind, pauseReason: entry.pauseReason,
      startedAt: now, version: 0 };
  }
  localStorage.setItem(KEPT, JSON.stringify(kept));
}

function minutes(total) {
  return total >= 60 ? `${Math.floor(total / 60)} h ${total % 60} min` : `${total} min`;
}

function duration(millis) {
  const seconds = Math.max(0, Math.floor(millis / 1000));
  const pad = (value) => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
