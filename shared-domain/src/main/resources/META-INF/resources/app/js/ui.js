// Components of both apps: small functions that build DOM nodes. Text always goes in as text nodes, never as
// HTML, so nothing a person typed can run as code (and the CSP forbids inline code anyway).

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An API name as words: IN_PROGRESS and preferredLanguage become "in progress" and "preferred language". */
export const words = (value) => String(value ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  .replaceAll('_', ' ');

export function chip(status) {
  return h('span', { className: `chip chip--${String(status).toLowerCase()}` }, words(status));
}

export function button(label, onclick, variant = '', extra = {}) {
  return h('button', { type: 'button', className: `button ${variant ? `button--${variant}` : ''}`, onclick, ...extra },
    label);
}

export function card(title, meta, href, extra = {}) {
  const content = [h('p', { className: 'card__title' }, title), meta && h('p', { className: 'card__meta' }, meta)];
  return href ? h('a', { className: 'card', href, ...extra }, content) : h('div', { className: 'card', ...extra }, content);
}

export function banner(text, kind = 'info') {
  return h('div', { className: `banner banner--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function field(id, label, control) {
  control.id = id;
  return h('div', { className: 'field' }, h('label', { for: id }, label), control);
}

/** The figures behind a statement (a recommendation's evidence) as a list of names and values; false when none. */
export function figures(values = {}) {
  const entries = Object.entries(values);
  return entries.length > 0 && h('dl', { className: 'evidence' }, entries.flatMap(([name, value]) => [
    h('dt', { className: 'muted' }, words(name)), h('dd', {}, figure(value))]));
}

function figure(value) {
  if (typeof value === 'number') return value.toLocaleString();
  if (Array.isArray(value)) return value.map(figure).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([name, inner]) => `${words(name)}: ${figure(inner)}`).join('; ');
  }
  return String(value ?? '');
}

export function money(minor, currency) {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/**
 * The show() of a screen opened now, taken first thing, before the screen awaits anything: it draws only while the
 * address is still the one the screen was opened at. A screen the person left while it loaded draws nothing over
 * the next one (on a slow network its answer can come after the next screen's), nor does its live redraw.
 */
export function showing() {
  const address = location.hash;
  return (title, ...content) => {
    if (location.hash === address) show(title, ...content);
  };
}

/**
 * Replaces the main area with a screen: its heading first, focus moved there for screen readers. Content may hold
 * lists of nodes and, like h's children, nothing (null, undefined, false) where a part is not shown.
 */
function show(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  const shown = content.flat().filter((part) => part !== null && part !== undefined && part !== false);
  main.replaceChildren(heading, ...shown);
  document.title = title;
  heading.focus();
}
