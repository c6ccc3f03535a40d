// The shell's service worker: the app's own files are served from the cache and refreshed behind the scenes, so
// the app opens without a signal; API calls always go to the network (the data lives in the app's offline copy). A
// push is shown as a notification; tapping it opens the app with the push's id, for its push.opened event.
const CACHE = 'garage-shell-v15';
const SHELL = [
  '/app/', '/app/index.html', '/app/manifest.webmanifest', '/app/icons/app.svg', '/app/css/tokens.css',
  '/app/css/components.css', '/app/js/main.js', '/app/js/auth.js', '/app/js/api.js', '/app/js/live.js',
  '/app/js/offline.js', '/app/js/copy.js', '/app/js/ui.js', '/app/js/screens/generic.js', '/app/js/screens/technician.js',
  '/app/js/screens/customer.js', '/app/js/screens/chat.js', '/app/js/screens/chat-tools.js', '/app/js/screens/clock.js',
  '/app/js/screens/inspection.js', '/app/js/screens/published-inspection.js', '/app/js/screens/recommendations.js',
  '/app/js/screens/suggestions.js', '/app/js/media.js', '/app/js/upload.js',
  '/app/js/screens/roadside.js', '/app/js/screens/vehicles.js', '/app/js/screens/inbound-tows.js',
  '/app/js/screens/appointments.js', '/app/js/screens/notifications.js', '/app/js/screens/profile.js',
  '/app/js/analytics.js', '/app/js/screens/feedback.js', '/app/js/screens/survey.js', '/app/js/push.js',
  '/app/js/upload-queue.js', '/app/js/idb.js',
  '/app/settings.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/app/')) return;
  const key = url.pathname === '/app/' || url.pathname === '/app/index.html' ? '/app/' : url.pathname;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(key);
    const fresh = fetch(event.request).then((response) => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    }).catch(() => cached || Response.error());
    return cached || fresh;
  }));
});

self.addEventListener('push', (event) => {
  const message = event.data?.json() ?? {};
  event.waitUntil(self.registration.showNotification(message.title || 'Garage',
    { body: message.body, tag: message.tag, data: message.data || {} }));
});

// Opens the app on the screen the push is about (main.js reads the link), in the app's window when one is open.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { pushId, category, link } = event.notification.data || {};
  const query = new URLSearchParams(Object.entries({ pushId, category, link }).filter(([, value]) => value));
  const url = `/app/${query.toString() ? `?${query}` : ''}`;
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((windows) => {
    const open = windows.find((client) => new URL(client.url).pathname.startsWith('/app/'));
    return open ? open.navigate(url).then((client) => client?.focus()) : self.clients.openWindow(url);
  }));
});
