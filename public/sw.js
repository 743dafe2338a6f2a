// Kumppani's service worker: the app shell works with no network.
//
// On install it precaches every file the hub lists at /precache.json (the hub knows the
// built files, so nothing here needs to know hashed names). Navigations go to the network
// first and fall back to the cached shell; other files come from the cache first.
// The sync WebSocket and /api are never cached.

const PREFIX = "kumppani-shell-";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const res = await fetch("/precache.json", { cache: "no-store" });
    const { version, files } = await res.json();
    const cache = await caches.open(PREFIX + version);
    await cache.addAll(files);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const res = await fetch("/precache.json", { cache: "no-store" }).catch(() => null);
    const current = res && res.ok ? PREFIX + (await res.json()).version : null;
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && current && name !== current) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sync") return;
  if (req.mode === "navigate") {
    event.respondWith((async () => {
      try {
        return await fetch(req);
      } catch (_) {
        return (await caches.match("/index.html")) || (await caches.match("/")) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const hit = await caches.match(req);
    if (hit) return hit;
    return fetch(req);
  })());
});
