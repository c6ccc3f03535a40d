// My details in the customer app (docs/offline-writes.md): name and language, and the contact details the garage
// reaches me on. Only what changed is sent, as one `profile update` through the offline queue, so it is done without
// a signal too; contact details need a recent sign-in with the second factor (step-up), and a refusal for that
// offers the sign-in, after which the change is made again.
import { apiOr } from '../api.js';
import { record } from '../copy.js';
import { signIn } from '../auth.js';
import { queue, onOutcome } from '../offline.js';
import { h, showing, button, banner, field } from '../ui.js';

const FIELDS = [['firstName', 'First name', 'given-name'], ['lastName', 'Last name', 'family-name'],
  ['email', 'Email', 'email'], ['phone', 'Phone', 'tel'], ['preferredLanguage', 'Language (e.g. en-GB)', 'language']];
const STEP_UP = 'urn:garage:problem:step-up-required';

let outcome = () => {};
onOutcome((mutation, result) => mutation.entity === 'profile' && outcome(result));

export async function profileScreen({ section, show = showing() }) {
  const profile = await apiOr(section.path, async () => record('profile', (await ownId())));
  if (!profile) throw new Error('Your details are not in the offline copy yet: open them once with a connection.');
  const notice = h('div', { id: 'profile-notice', 'aria-live': 'polite' });
  const inputs = Object.fromEntries(FIELDS.map(([name, , autocomplete]) => [name, h('input', {
    type: name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text', value: profile[name] || '', autocomplete,
    maxlength: name === 'email' ? 254 : 100 })]));
  outcome = (result) => {
    if (result.result === 'applied') {
      profileScreen({ section, show }).then(() => document.getElementById('profile-notice')?.replaceChildren(banner('Saved.')));
    } else if (result.problem?.type === STEP_UP) {
      notice.replaceChildren(banner('Changing your email or phone needs a fresh sign-in with your second factor.',
        'error'), button('Sign in again', () => signIn({ acrValues: 'urn:garage:acr:strong', maxAge: 300 }), 'quiet',
        { id: 'profile-step-up' }));
    } else {
      notice.replaceChildren(banner(`Not saved: ${result.problem?.detail || result.result}`, 'error'));
    }
  };
  show(section.title, notice, h('form', { id: 'profile-form', onsubmit: (event) => {
    event.preventDefault();
    save(profile, inputs, notice);
  } },
  FIELDS.map(([name, label]) => field(`profile-${name}`, label, inputs[name])),
  h('button', { type: 'submit', className: 'button', id: 'profile-save' }, 'Save')));
}

async function save(profile, inputs, notice) {
  const changed = Object.fromEntries(FIELDS.map(([name]) => [name, inputs[name].value.trim()])
    .filter(([name, value]) => value !== (profile[name] || '')));
  if (Object.keys(changed).length === 0) {
    notice.replaceChildren(banner('Nothing changed.'));
    return;
  }
  await queue({ entity: 'profile', operation: 'update', entityId: profile.id, baseVersion: profile.version,
    payload: changed });
  if (!navigator.onLine) notice.replaceChildren(banner('Saved on this device; it goes when you are back online.'));
}

/** My customer id from the shell's cached /me, for the offline copy. */
async function ownId() {
  const kept = JSON.parse(sessionStorage.getItem('garage.shell') || 'null');
  return kept?.[1]?.personId;
}
