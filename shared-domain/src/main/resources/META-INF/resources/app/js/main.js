// The shell of both apps: start-up settings, sign-in, branding, the sections the API lists for this person
// (GET /api/v1/navigation, nothing per role here), the router, the live channel and the offline queue.
import * as auth from './auth.js';
import { api, nameBuild } from './api.js';
import { syncCopy } from './copy.js';
import { connectLive, listenForScreen, onLiveEvent } from './live.js';
import { flush } from './offline.js';
import { h, show, button, banner } from './ui.js';
import { genericScreen } from './screens/generic.js';
import { technicianScreens } from './screens/technician.js';
import { customerScreens } from './screens/customer.js';

const state = { sections: [], me: null, app: null };

async function start() {
  const settings = await (await fetch('/app/settings.json')).json();
  state.app = settings.app;
  nameBuild(settings.version);
  auth.configure(settings);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {});
  await auth.completeSignIn().catch((failure) => showSignIn(failure.message));
  if (!auth.signedIn()) {
    showSignIn();
    return;
  }
  auth.keepFresh();
  const [branding, me, navigation] = await shellData();
  state.me = me;
  state.sections = navigation.sections;
  applyBranding(branding);
  drawNavigation();
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.addEventListener('click', auth.signOut);
  addEventListener('hashchange', route);
  route();
  connectLive(showConnection);
  addEventListener('online', () => {
    showConnection('online');
    refreshCopy();
  });
  addEventListener('offline', () => showConnection('offline'));
  onLiveEvent((message) => message.type === 'event' && refreshCopy());
  flush().catch(() => {});
  refreshCopy();
}

/** Branding, who I am and my sections: from the API, kept for the tab so that the app also opens offline. */
async function shellData() {
  try {
    const data = await Promise.all([api('/api/v1/branding'), api('/api/v1/me'), api('/api/v1/navigation')]);
    sessionStorage.setItem('garage.shell', JSON.stringify(data));
    return data;
  } catch (failure) {
    const kept = JSON.parse(sessionStorage.getItem('garage.shell') || 'null');
    if (!kept || navigator.onLine) throw failure;
    return kept;
  }
}

let copyTimer;
function refreshCopy() {
  clearTimeout(copyTimer);
  copyTimer = setTimeout(() => syncCopy()
    .then((matched) => { document.body.dataset.copy = matched ? 'synced' : 'differs'; })
    .catch(() => { document.body.dataset.copy = 'stale'; }), 300);
}

function showSignIn(error) {
  document.getElementById('nav').replaceChildren();
  show(state.app === 'customer' ? 'Your car, live' : 'The workshop',
    error ? banner(error, 'error') : null,
    h('p', {}, 'Sign in with your garage account to continue.'),
    button('Sign in', () => auth.signIn(), '', { id: 'sign-in' }));
}

function applyBranding(branding) {
  const root = document.documentElement.style;
  root.setProperty('--brand-primary-light', branding.primaryLight);
  root.setProperty('--brand-primary-dark', branding.primaryDark);
  document.getElementById('brand-name').textContent = branding.garageName;
  const logo = document.getElementById('brand-logo');
  if (branding.logoUrl) {
    logo.src = branding.logoUrl;
    logo.alt = `${branding.garageName} logo`;
    logo.hidden = false;
  }
}

function drawNavigation() {
  const links = state.sections.map((section) => h('a', {
    className: 'nav__link', href: `#/${section.id}`, 'data-section': section.id }, section.title));
  document.getElementById('nav').replaceChildren(...links);
}

function route() {
  const [sectionId, id, view] = location.hash.replace(/^#\/?/, '').split('/');
  const section = state.sections.find((candidate) => candidate.id === sectionId) || state.sections[0];
  document.querySelectorAll('.nav__link').forEach((link) => link.toggleAttribute('aria-current', false));
  const link = document.querySelector(`.nav__link[data-section="${section.id}"]`);
  link?.setAttribute('aria-current', 'page');
  const screens = state.app === 'customer' ? customerScreens : technicianScreens;
  const screen = screens[section.id] || genericScreen;
  listenForScreen(() => {});
  screen({ section, sections: state.sections, id, view, me: state.me })
    .catch((failure) => show(section.title, banner(failure.message, 'error')));
}

function showConnection(status) {
  const words = { live: 'Live', online: 'Online', offline: 'Offline: changes wait and go when you are back' };
  document.getElementById('connection').textContent = words[status] || '';
  document.body.dataset.connection = navigator.onLine ? status : 'offline';
}

start().catch((failure) => show('Something went wrong', banner(failure.message, 'error')));
