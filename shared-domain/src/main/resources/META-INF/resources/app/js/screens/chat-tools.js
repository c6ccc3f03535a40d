// A conversation's tools above its messages (docs/chat.md "Escalation"): its priority and whether an answer is
// awaited; escalating it (whoever writes in it, chat:send) or setting any priority (chat:manage: advisors and
// admins); handing it over to another advisor, and adding one of the garage's technicians to it or taking them off
// (chat:manage), which opens or closes the customer channel to them. What shows comes from the chat section's
// actions in the navigation, never from a role; the people come from GET /api/v1/staff.
import { api } from '../api.js';
import { h, banner, field, when, words } from '../ui.js';

const PRIORITIES = ['NORMAL', 'HIGH', 'URGENT'];

/** The tools of a conversation: { node, refresh } — refresh reads the priority again (after a send, a live change). */
export function chatTools(view, actions, notice) {
  const manage = actions.includes('chat:manage');
  const tools = { view, manage, notice, status: h('p', { id: 'escalation', className: 'row', 'aria-live': 'polite' }) };
  tools.refresh = () => api(`/api/v1/chat/conversations/${view.id}/escalation`)
    .then((escalation) => drawEscalation(tools, escalation)).catch(() => {});
  tools.node = h('section', { className: 'chat-tools', 'aria-label': 'Priority and people' }, tools.status,
    actions.includes('chat:send') && priorityForm(tools),
    manage && handoverForm(tools),
    manage && view.kind === 'job' && view.jobId && technicianPicker(tools));
  tools.refresh();
  return tools;
}

/** Priority, awaited answer and, for staff, who answers and by when. */
function drawEscalation(tools, escalation) {
  tools.status.dataset.priority = escalation.priority;
  tools.status.dataset.awaiting = String(escalation.awaitingAnswer);
  tools.status.replaceChildren(h('span', { className: `chip chip--${escalation.priority.toLowerCase()}` },
    `${words(escalation.priority)} priority`), h('span', {}, [
    escalation.awaitingAnswer ? 'Waiting for the garage to answer' : 'Nothing waiting for an answer',
    escalation.dueAt && `answer due ${when(escalation.dueAt)}`,
    escalation.advisorName && `${escalation.advisorName} answers`,
    escalation.reason && `“${escalation.reason}”`].filter(Boolean).join(' · ')));
}

/** Escalate (HIGH or URGENT, never lower), or for advisors and admins any priority. */
function priorityForm(tools) {
  const choices = tools.manage ? PRIORITIES : PRIORITIES.slice(1);
  const priority = h('select', {}, choices.map((choice) => h('option', { value: choice }, words(choice))));
  const reason = h('input', { type: 'text', maxlength: 500 });
  return h('form', { id: 'escalate-form', className: 'row chat-tools__form',
    onsubmit: (event) => setPriority(event, tools, priority, reason) },
  field('escalate-priority', tools.manage ? 'Priority' : 'Escalate to', priority),
  field('escalate-reason', 'Reason (optional)', reason),
  h('button', { type: 'submit', className: 'button button--quiet' }, tools.manage ? 'Set priority' : 'Escalate'));
}

async function setPriority(event, tools, priority, reason) {
  event.preventDefault();
  const path = `/api/v1/chat/conversations/${tools.view.id}/${tools.manage ? 'priority' : 'escalation'}`;
  try {
    drawEscalation(tools, await api(path, { method: 'PUT',
      body: { priority: priority.value, reason: reason.value.trim() || undefined } }));
    reason.value = '';
    tools.notice.replaceChildren(banner(`Priority saved: ${words(priority.value)}.`));
  } catch (failure) {
    tools.notice.replaceChildren(banner(`Not saved: ${failure.message}`, 'error'));
  }
}

/** The garage's active people of a role, as the options of a select; the form shows once there is someone. */
function staffChoices(role, choice, form) {
  api(`/api/v1/staff?role=${role}`).then((staff) => {
    choice.replaceChildren(...staff.items.map((person) => h('option', { value: person.id }, person.name)));
    form.hidden = staff.items.length === 0;
  }).catch(() => {});
}

/** Another advisor answers the conversation from now on (warnings of a late answer go to them). */
function handoverForm(tools) {
  const choice = h('select', {});
  const form = h('form', { id: 'hand-over', className: 'row chat-tools__form', hidden: true,
    onsubmit: (event) => handOver(event, tools, choice) },
  field('advisor', 'Advisor', choice),
  h('button', { type: 'submit', className: 'button button--quiet' }, 'Hand over'));
  staffChoices('ADVISOR', choice, form);
  return form;
}

async function handOver(event, tools, choice) {
  event.preventDefault();
  try {
    drawEscalation(tools, await api(`/api/v1/chat/conversations/${tools.view.id}/assignee`,
      { method: 'PUT', body: { advisorId: choice.value } }));
    tools.notice.replaceChildren(banner(`${choice.selectedOptions[0]?.textContent} answers it from now on.`));
  } catch (failure) {
    tools.notice.replaceChildren(banner(`Not handed over: ${failure.message}`, 'error'));
  }
}

/** One of the garage's technicians added to the conversation (they then read and write the customer channel too) or taken off. */
function technicianPicker(tools) {
  const choice = h('select', {});
  const form = h('form', { id: 'add-technician', className: 'row chat-tools__form', hidden: true,
    onsubmit: (event) => changeTechnician(event, tools, choice, 'PUT') },
  field('technician', 'Technician', choice),
  h('button', { type: 'submit', className: 'button button--quiet' }, 'Add to the conversation'),
  h('button', { type: 'button', id: 'take-off-technician', className: 'button button--quiet',
    onclick: (event) => changeTechnician(event, tools, choice, 'DELETE') }, 'Take off'));
  staffChoices('TECHNICIAN', choice, form);
  return form;
}

async function changeTechnician(event, tools, choice, method) {
  event.preventDefault();
  const name = choice.selectedOptions[0]?.textContent;
  try {
    await api(`/api/v1/chat/conversations/${tools.view.id}/technicians/${choice.value}`, { method });
    tools.notice.replaceChildren(banner(method === 'PUT' ? `${name} now reads and writes with the customer too.`
      : `${name} no longer reads the customer channel.`));
  } catch (failure) {
    tools.notice.replaceChildren(banner(`Not changed: ${failure.message}`, 'error'));
  }
}
