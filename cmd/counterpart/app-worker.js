// Counterpart's service worker, a go-app ServiceWorkerTemplate.
//
// It replaces go-app's default worker, which answers only the exact URLs it
// cached: a deep link such as /about, or any page of a site served under a
// sub-path, failed offline. This one serves the app shell for every
// navigation it has no page for, so the app opens on any route without a
// network. Files are served from the cache first; a new version of the app
// brings a new worker (its version is in this file), which fetches
// everything again and drops the old cache.

// A tab tells from this name whether a newer build took it over
// (ui.WorkerCachePrefix; TestWorkerCacheIsNamedForTheBuild checks it).
const cachePrefix = "counterpart-";
const cacheName = cachePrefix + "{{.Version}}";

// The scope is "/" on the server and "/counterpart/" on a sub-path. go-app
// lists the root page without its trailing slash, which a static host
// answers with a redirect, and a redirect cannot be used for a page.
const scope = new URL(self.registration.scope).pathname;
const shell = scope;
const resourcesToCache = {{.ResourcesToCache}}.map((p) =>
  p + "/" === scope ? scope : p
);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) =>
        cache.addAll(
          // "no-cache" asks the server whether the browser's copy is
          // current (every file has an ETag of its content) rather than
          // downloading it again: the page has just downloaded app.wasm.
          resourcesToCache.map((p) => new Request(p, { cache: "no-cache" }))
        )
      )
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            // Only Counterpart's older builds: other apps may share
            // the origin (project sites on one host do), and their
            // caches are theirs.
            .filter((key) => key.startsWith(cachePrefix) && key !== cacheName)
            .map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  if (new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  event.respondWith(
    caches.match(request).then((cached) => cached || fetch(request))
  );
});

// page answers a navigation: the cached page if there is one, else the
// cached app shell (the app routes on the URL itself), else the network.
async function page(request) {
  const cache = await caches.open(cacheName);
  const cached =
    (await cache.match(request, { ignoreSearch: true })) ||
    (await cache.match(shell));
  return cached || fetch(request);
}
