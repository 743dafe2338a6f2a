// Kumppani's service worker: the app shell works with no network.
//
// On install it precaches every file the hub lists at /precache.json (the hub knows the
// built files, so nothing here needs to know hashed names). Navigations go to the network
// first and fall back to the cached shell; other files come from the cache first. Whatever
// is fetched while online is kept too, so a new build the browser has not reinstalled this
// worker for still starts offline. The sync WebSocket and /api are never cached.

const PREFIX = "kumppani-shell-";
const SHELL = "/index.html";

async function currentCache() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX));
  return caches.open(names.length ? names[names.length - 1] : PREFIX + "runtime");
}

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
  if (url.pathname.startsWith("/api/") || url.pathname === "/sync" || url.pathname === "/precache.json") return;
  if (req.mode === "navigate") {
    event.respondWith((async () => {
      try {
        const res = await fetch(req);
        // Every route serves the same shell; keep the newest one for offline starts.
        if (res.ok) (await currentCache()).put(SHELL, res.clone());
        return res;
      } catch (_) {
        return (await caches.match(SHELL)) || (await caches.match("/")) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const hit = await caches.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) (await currentCache()).put(req, res.clone());
    return res;
  })());
});
