// The shell of both apps: start-up settings, sign-in, branding, the sections the API lists for this person
// (GET /api/v1/navigation, nothing per role here), the router, the live channel, the offline queue, analytics and
// the feedback link.
import * as auth from './auth.js';
import { api, nameBuild } from './api.js';
import { flush as flushAnalytics, screenViewed, track } from './analytics.js';
import { syncCopy } from './copy.js';
import { connectLive, listenForScreen, onLiveEvent } from './live.js';
import { flush } from './offline.js';
import { configurePush } from './push.js';
import { sendUploads } from './upload-queue.js';
import { h, showing, button, banner } from './ui.js';
import { genericScreen } from './screens/generic.js';
import { technicianScreens } from './screens/technician.js';
import { customerScreens } from './screens/customer.js';
import { feedbackScreen } from './screens/feedback.js';

const FEEDBACK = 'feedback';
const state = { sections: [], me: null, app: null, lastSection: null };

async function start() {
  const settings = await (await fetch('/app/settings.json')).json();
  state.app = settings.app;
  nameBuild(settings.version);
  configurePush(settings.webPushKey);
  openTappedPush();
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
  document.getElementById('feedback-link').hidden = false;
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
  sendUploads().catch(() => {});
  flushAnalytics();
  refreshCopy();
}

/**
 * The service worker opens the app with the tapped push's id, category and link in the address: the push is counted
 * as opened, and the screen its link names is shown.
 */
function openTappedPush() {
  const query = new URLSearchParams(location.search);
  if (!query.has('pushId') && !query.has('link')) return;
  if (query.has('pushId')) {
    track('push.opened', { pushId: query.get('pushId'),
      ...(query.get('category') ? { category: query.get('category') } : {}) });
  }
  const hash = screenOf(query.get('link')) || location.hash;
  ['pushId', 'category', 'link'].forEach((name) => query.delete(name));
  const rest = query.toString();
  history.replaceState(null, '', `/app/${rest ? `?${rest}` : ''}${hash}`);
}

// A push's link names what it is about as the native apps' deep links do: garage-customer://jobs/<id>/estimate,
// garage-tech://jobs/<id>, …://chat/<conversation id>, …://appointments/<id>; each opens its section's screen.
const LINKED_SECTIONS = { jobs: 'my-jobs', chat: 'chat', appointments: 'appointments' };

function screenOf(link) {
  const [, kind, id] = /^garage-[a-z]+:\/\/([a-z-]+)\/([0-9a-f-]+)/.exec(link || '') || [];
  if (!LINKED_SECTIONS[kind]) return '';
  return kind === 'appointments' ? `#/${LINKED_SECTIONS[kind]}` : `#/${LINKED_SECTIONS[kind]}/${id}`;
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
  showing()(state.app === 'customer' ? 'Your car, live' : 'The workshop',
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
  if (sectionId === FEEDBACK) {
    showScreen(FEEDBACK, 'Send feedback', () => feedbackScreen({ from: state.lastSection }));
    return;
  }
  const section = state.sections.find((candidate) => candidate.id === sectionId) || state.sections[0];
  const screens = state.app === 'customer' ? customerScreens : technicianScreens;
  const screen = screens[section.id] || genericScreen;
  state.lastSection = section;
  showScreen(section.id, section.title, () => screen({ section, sections: state.sections, id, view, me: state.me }));
}

/** Draws a screen (its section marked current, if it is one) and counts it as viewed. */
function showScreen(screenName, title, draw) {
  document.querySelectorAll('.nav__link').forEach((link) => link.toggleAttribute('aria-current', false));
  document.querySelector(`.nav__link[data-section="${screenName}"]`)?.setAttribute('aria-current', 'page');
  listenForScreen(() => {});
  screenViewed(screenName);
  const shown = showing();
  draw().catch((failure) => shown(title, banner(failure.message, 'error')));
}

function showConnection(status) {
  const words = { live: 'Live', online: 'Online', offline: 'Offline: changes wait and go when you are back' };
  document.getElementById('connection').textContent = words[status] || '';
  document.body.dataset.connection = navigator.onLine ? status : 'offline';
}

start().catch((failure) => showing()('Something went wrong', banner(failure.message, 'error')));
