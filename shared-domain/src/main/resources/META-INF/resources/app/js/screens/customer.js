// The customer app's screens: my repairs with the live timeline, the published inspection (published-inspection.js),
// the estimate line by line, the survey on a closed repair (survey.js), and the repair's conversation and my
// conversations with the garage (chat.js).
import { api, apiOr } from '../api.js';
import { track } from '../analytics.js';
import { record, records } from '../copy.js';
import { listenForScreen as listen } from '../live.js';
import { conversations, jobConversation } from './chat.js';
import { inspectionReport, publishedInspection } from './published-inspection.js';
import { appointmentsScreen } from './appointments.js';
import { notificationsScreen } from './notifications.js';
import { profileScreen } from './profile.js';
import { roadsideScreen } from './roadside.js';
import { vehiclesScreen } from './vehicles.js';
import { recommendations } from './recommendations.js';
import { surveyOffer } from './survey.js';
import { h, showing, card, chip, button, banner, money, when, words } from '../ui.js';

async function repairs(screen) {
  const { section, id, view } = screen;
  if (id && view === 'chat') return jobConversation(screen);
  if (id) return openRepair({ section, id });
  const show = showing();
  const page = await apiOr(section.path, async () => ({ items: await records('job') }));
  show(section.title, page.items.length === 0 ? h('p', { className: 'muted' }, 'No repairs yet.')
    : h('ul', { className: 'list', id: 'repairs' }, page.items.map((job) => h('li', {}, card(
      h('span', { className: 'row' }, `Repair #${job.number}`, chip(job.status)),
      `${job.vehicle?.make || ''} ${job.vehicle?.model || ''} · ${job.vehicle?.registrationPlate || ''}`,
      `#/${section.id}/${job.id}`, { 'data-job': job.id })))));
  listen(() => {});
}

/** A repair the person opened (not one a live event redrew): an estimate with lines counts as viewed. */
async function openRepair(screen) {
  const estimate = await repair(screen);
  if (estimate.groups.some((group) => group.lines.length > 0)) track('estimate.viewed', { jobId: screen.id });
}

/** Draws the repair and returns its estimate. */
async function repair({ section, id, show = showing() }) {
  const [job, estimate, inspection] = await Promise.all([apiOr(`/api/v1/jobs/${id}`, () => record('job', id)),
    apiOr(`/api/v1/jobs/${id}/estimate`, () => ({ jobId: id, groups: [] })), publishedInspection(id)]);
  if (!job) throw new Error('This repair is not in the offline copy yet: open it once with a connection.');
  const status = h('span', { id: 'job-status' }, chip(job.status));
  const timeline = h('ol', { className: 'timeline', id: 'timeline' },
    h('li', {}, `Booked in ${when(job.createdAt)}`),
    job.progress.steps.map((step) => h('li', {}, `${step.title}: `, chip(step.status))),
    job.notes.map((note) => h('li', {}, `${note.authorName}: ${note.body}`)));
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });
  show(`Repair #${job.number}`,
    h('p', { className: 'row' }, 'Status: ', status),
    h('p', {}, job.concern || ''),
    surveyOffer(job),
    h('p', {}, h('a', { className: 'button button--quiet', href: `#/${section.id}/${id}/chat`, id: 'open-chat' },
      'Messages about this repair')),
    h('h2', {}, 'Progress'), timeline,
    h('h2', {}, 'Inspection'), inspectionReport(inspection),
    h('h2', {}, 'Estimate'), notice, estimateLines(estimate, notice, () => repair({ section, id, show })));
  listen((message) => {
    if (message.topic !== 'job' || message.jobId !== id) return;
    if (message.event === 'job.status-changed' && message.data) {
      status.replaceChildren(chip(message.data.status));
      timeline.append(h('li', {}, `Now ${words(message.data.status)} (${when(message.occurredAt)})`));
    } else {
      repair({ section, id });
    }
  });
  return estimate;
}

function estimateLines(estimate, notice, reload) {
  const lines = estimate.groups.flatMap((group) => group.lines);
  if (lines.length === 0) return h('p', { className: 'muted' }, 'No estimate yet.');
  return h('ul', { className: 'list', id: 'estimate' }, lines.map((line) => h('li', {}, h('div', {
    className: 'card', 'data-line': line.id, 'data-approval': line.approvalStatus },
  h('p', { className: 'card__title row' }, line.description, chip(line.approvalStatus)),
  h('p', { className: 'card__meta' }, `${words(line.necessity)} · ${money(line.grossMinor, estimate.currency)}`),
  line.approvalStatus === 'PENDING' && h('div', { className: 'row' },
    button('Approve', () => decide(estimate, line, 'APPROVED', notice, reload), '', { 'data-decide': 'APPROVED' }),
    button('Decline', () => decide(estimate, line, 'DECLINED', notice, reload), 'danger',
      { 'data-decide': 'DECLINED' }))))));
}

async function decide(estimate, line, decision, notice, reload) {
  const me = await api('/api/v1/me');
  try {
    await api(`/api/v1/jobs/${estimate.jobId}/estimate/approvals`, { method: 'POST', body: {
      revision: estimate.revision, contentHash: estimate.contentHash,
      decisions: [{ lineId: line.id, decision }],
      signature: { typedName: me.displayName || me.name || 'Customer' },
      consent: { text: 'I approve the work marked approved and decline the work marked declined, at the prices shown.',
        version: 'web-2026-12' },
    } });
    await reload();
  } catch (failure) {
    notice.replaceChildren(banner(failure.status === 409
      ? 'The garage changed this estimate meanwhile: here is the current one.' : failure.message, 'error'));
  }
}


export const customerScreens = { 'my-jobs': repairs, chat: conversations, roadside: roadsideScreen, vehicles: vehiclesScreen,
  recommendations, appointments: appointmentsScreen, notifications: notificationsScreen, profile: profileScreen };
