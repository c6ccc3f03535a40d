// A job's inspection in the bay (docs/bay.md "Digital vehicle inspection"): start it from one of the garage's
// templates, record each item's condition, note and measurements (the answer says what the thresholds suggest), add
// photos and videos through the tus upload, complete it, and publish it where the section lists that action.
// Other people's changes arrive on the job's live channel and redraw only the items that changed.
import { api, Problem } from '../api.js';
import { checkWait, stillChecking } from '../checking.js';
import { records } from '../copy.js';
import { listenForScreen as listen } from '../live.js';
import { mediaTile } from '../media.js';
import { queue } from '../offline.js';
import { upload } from '../upload.js';
import { h, showing, chip, button, banner, field, when, words } from '../ui.js';

const CONDITIONS = ['GREEN', 'YELLOW', 'RED'];

export async function inspectionScreen({ section, id, show = showing() }) {
  const may = (action) => (section.actions || []).includes(action);
  const inspection = await current(id);
  const back = h('p', {}, h('a', { className: 'button button--quiet', href: `#/${section.id}/${id}` }, 'Back to the job'));
  const notice = h('div', { id: 'notice', 'aria-live': 'polite' });
  if (!inspection) return startScreen(show, id, may, back, notice, () => inspectionScreen({ section, id, show }));
  const screen = { jobId: id, may, notice, inspection, nodes: new Map(), uploads: new Map(), asked: 0,
    redraw: () => inspectionScreen({ section, id, show }) };
  screen.summary = h('div', { id: 'inspection-summary' });
  const sections = new Map();
  inspection.items.forEach((item) => sections.set(item.section, [...(sections.get(item.section) || []), item]));
  show('Inspection', back, notice, screen.summary, [...sections].map(([title, items]) => h('section', {},
    h('h2', {}, title), h('ul', { className: 'list' }, items.map((item) => h('li', {}, itemNode(screen, item)))))));
  drawSummary(screen);
  listen((message) => message.topic === 'job' && message.jobId === id
    && /^job\.(inspection|media|customer-media)/.test(message.event) && refresh(screen));
  return undefined;
}

/** The job's inspection, null when it has none yet; offline, the one in the copy. */
async function current(jobId) {
  try {
    return await api(`/api/v1/jobs/${jobId}/inspection`);
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) return null;
    if (failure instanceof Problem) throw failure;
    return (await records('inspection')).find((found) => found.jobId === jobId) || null;
  }
}

async function startScreen(show, jobId, may, back, notice, redraw) {
  await api(`/api/v1/jobs/${jobId}`); // a job the person may not reach answers its problem, not "no inspection yet"
  const templates = await api('/api/v1/inspection-templates');
  const choice = h('select', {}, templates.map((template) => h('option', { value: template.id }, template.name)));
  const start = async () => {
    try {
      await api(`/api/v1/jobs/${jobId}/inspection`, { method: 'POST', body: { templateId: choice.value } });
      await redraw();
    } catch (failure) {
      notice.replaceChildren(banner(failure.message, 'error'));
    }
  };
  show('Inspection', back, notice, h('p', {}, 'This job has no inspection yet.'),
    may('inspections:write') && templates.length > 0 && h('div', {}, field('template', 'Template', choice),
      button('Start inspection', start, '', { id: 'start-inspection' })));
}

function drawSummary(screen) {
  const { inspection, may, notice, redraw } = screen;
  const { counts } = inspection;
  const move = (path) => async () => {
    try {
      await api(`/api/v1/jobs/${screen.jobId}/inspection/${path}`, { method: 'POST',
        body: { baseVersion: inspection.version } });
      await redraw();
    } catch (failure) {
      notice.replaceChildren(banner(failure.status === 409 ? 'The inspection changed meanwhile: here it is now.'
        : failure.message, 'error'));
    }
  };
  screen.summary.replaceChildren(...[
    h('p', { className: 'row', 'data-status': inspection.status }, chip(inspection.status),
      `${counts.green} green · ${counts.yellow} yellow · ${counts.red} red · ${counts.notInspected} to do`,
      inspection.publishedAt && ` · published ${when(inspection.publishedAt)}`),
    inspection.status === 'IN_PROGRESS' && may('inspections:write') && counts.notInspected === 0
      && button('Complete inspection', move('complete'), '', { id: 'complete-inspection' }),
    inspection.status === 'COMPLETED' && may('inspections:publish')
      && button('Publish to the customer', move('publish'), '', { id: 'publish-inspection' })].filter(Boolean));
}

/** One item as a form; it is replaced by the answer when saved, or when a live change brings a newer version. */
function itemNode(screen, item) {
  const { may, inspection } = screen;
  const editable = inspection.status === 'IN_PROGRESS' && may('inspections:write');
  const note = h('textarea', { rows: 2, maxlength: 2000, name: 'note', disabled: !editable }, item.note || '');
  const upload = screen.uploads.get(item.id);
  const status = h('p', { className: 'card__meta', 'aria-live': 'polite', 'data-upload': upload?.state || '' },
    upload?.text || '');
  const node = h('form', { className: 'card', 'data-item': item.id, 'data-condition': item.condition || '',
    onsubmit: (event) => save(event, screen, item) },
  h('p', { className: 'card__title row' }, item.label, chip(item.condition || 'NOT_INSPECTED'),
    !item.customerVisible && h('span', { className: 'muted' }, '(internal)')),
  item.previous && h('p', { className: 'card__meta' }, `Last time: ${words(item.previous.condition)}`,
    item.previous.note ? ` (${item.previous.note})` : ''),
  h('fieldset', { className: 'conditions' }, h('legend', {}, `Condition of ${item.label}`),
    CONDITIONS.map((condition) => h('label', { className: 'condition' }, h('input', { type: 'radio',
      name: `condition-${item.id}`, value: condition, checked: item.condition === condition, disabled: !editable }),
    words(condition)))),
  item.measurements.map((measurement) => measurementField(item, measurement, editable)),
  item.suggestedCondition && h('p', { className: 'card__meta', 'data-suggested': item.suggestedCondition },
    `The measurements suggest ${words(item.suggestedCondition)}`),
  field(`note-${item.id}`, 'Note', note),
  item.media.length > 0 && h('ul', { className: 'media-tiles' }, item.media.map((media) => mediaTile(media, item.label))),
  inspection.status !== 'PUBLISHED' && may('media:upload') && field(`media-${item.id}`, 'Add a photo or video',
    h('input', { type: 'file', accept: 'image/jpeg,image/png,video/mp4,video/quicktime',
      onchange: (event) => attach(event.target, screen, item) })),
  status,
  editable && h('button', { type: 'submit', className: 'button' }, 'Save'));
  screen.nodes.set(item.id, { item, node });
  return node;
}

function measurementField(item, measurement, editable) {
  const input = h('input', { type: 'number', step: 'any', inputmode: 'decimal', name: measurement.key,
    'data-measurement': measurement.key, value: measurement.value ?? undefined, disabled: !editable });
  return h('div', {}, field(`measure-${item.id}-${measurement.key}`, `${measurement.label} (${measurement.unit})`, input),
    measurement.suggests && h('p', { className: 'card__meta', 'data-suggests': measurement.suggests },
      `Suggests ${words(measurement.suggests)}`));
}

async function save(event, screen, item) {
  event.preventDefault();
  const form = event.target;
  const measurements = Object.fromEntries([...form.querySelectorAll('[data-measurement]')]
    .filter((input) => input.value !== '').map((input) => [input.name, Number(input.value)]));
  const finding = { condition: form.querySelector('input[type=radio]:checked')?.value || null,
    note: form.elements.note.value.trim() || null, measurements };
  try {
    replace(screen, await api(`/api/v1/inspection-items/${item.id}`, { method: 'PUT',
      body: { ...finding, baseVersion: item.version } }));
  } catch (failure) {
    if (!(failure instanceof Problem)) {
      await queue({ entity: 'inspection-item', operation: 'update', entityId: item.id, baseVersion: item.version,
        payload: finding });
      screen.notice.replaceChildren(banner('Saved on this phone; it goes when you are back online.'));
      return;
    }
    if (failure.status === 409 && failure.body?.current) replace(screen, failure.body.current);
    const fields = (failure.body?.errors || []).map((error) => `${error.field}: ${error.message}`).join('; ');
    screen.notice.replaceChildren(banner(failure.status === 409 ? `${item.label} changed meanwhile: here it is now.`
      : `${failure.message}${fields ? ` (${fields})` : ''}`, 'error'));
  }
}

async function attach(input, screen, item) {
  const file = input.files[0];
  if (!file) return;
  const say = (text, state = '') => uploadStatus(screen, item.id, text, state);
  try {
    const mediaId = await upload(file, { targetType: 'inspection-item', targetId: item.id,
      kind: file.type.startsWith('video/') ? 'video' : 'photo',
      onProgress: (sent, length) => say(`Uploading ${Math.floor((100 * sent) / length)}%`) });
    say('Uploaded: it shows here once it has been checked.', 'done');
    awaitMedia(screen, mediaId);
  } catch (failure) {
    say(`Not uploaded: ${failure.message}`, 'failed');
  }
}

/** Kept on the screen, so an item redrawn by a live change meanwhile goes on showing how its upload stands. */
function uploadStatus(screen, itemId, text, state) {
  screen.uploads.set(itemId, { text, state });
  const status = screen.nodes.get(itemId)?.node.querySelector('[data-upload]');
  if (status) {
    status.textContent = text;
    status.dataset.upload = state;
  }
}

/**
 * Draws the item afresh in place of the node that shows it now (a live change may have replaced the one the person
 * saved from), unless that node shows a later version of it.
 */
function replace(screen, item) {
  const shown = screen.nodes.get(item.id);
  if (shown?.node.isConnected && item.version >= shown.item.version) shown.node.replaceWith(itemNode(screen, item));
}

/**
 * An uploaded photo shows once the background check stored it. Its live event redraws the item; this looks again
 * meanwhile, for an event read before the check's change could be, or missed while the channel was down.
 */
function awaitMedia(screen, mediaId, attempt = 0) {
  if (!stillChecking(attempt)) return;
  setTimeout(async () => {
    if (!screen.summary.isConnected) return;
    await refresh(screen).catch(() => {});
    const shown = screen.inspection.items.some((item) => item.media.some((media) => media.id === mediaId));
    if (!shown) awaitMedia(screen, mediaId, attempt + 1);
  }, checkWait(attempt));
}

/**
 * A live change: the summary again, and each item whose version or media changed. Answers can come back out of
 * order (two changes close together, a look of {@link awaitMedia} meanwhile); only the last look asked is drawn, so
 * an earlier one answered late does not take a photo off again.
 */
async function refresh(screen) {
  const asked = ++screen.asked;
  const next = await current(screen.jobId);
  if (asked !== screen.asked) return undefined;
  if (!next || next.status !== screen.inspection.status) return screen.redraw();
  screen.inspection = next;
  drawSummary(screen);
  next.items.forEach((item) => {
    const shown = screen.nodes.get(item.id);
    if (shown && (shown.item.version !== item.version || mediaIds(shown.item) !== mediaIds(item))) {
      replace(screen, item);
    }
  });
  return undefined;
}

function mediaIds(item) {
  return item.media.map((media) => media.id).join();
}
