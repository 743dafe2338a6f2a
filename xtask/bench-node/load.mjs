// Baseline sync load benchmark: the workload of crates/loadgen, run against the
// official @automerge/automerge-repo-sync-server with @automerge/automerge-repo clients.
//
//   node load.mjs --devices K --entries M --events E --ideas I
//                 [--signups S] [--supports P] [--timeout-s T]
//
// Prints exactly one JSON line on stdout; all progress goes to stderr.

import { execFileSync, spawn } from "node:child_process"
import { setMaxListeners } from "node:events"
import fs from "node:fs"
import http from "node:http"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

import * as Automerge from "@automerge/automerge"
import { Repo } from "@automerge/automerge-repo"
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"

const HERE = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

// ---------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    devices: 10,
    entries: 5,
    events: 20,
    ideas: 30,
    signups: 2,
    supports: 2,
    "timeout-s": 300,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`)
    const key = a.slice(2)
    if (!(key in opts)) throw new Error(`unknown option ${a}`)
    const v = Number(argv[++i])
    if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`)
    opts[key] = v
  }
  return {
    devices: opts.devices,
    entries: opts.entries,
    events: opts.events,
    ideas: opts.ideas,
    signups: Math.min(opts.signups, opts.events),
    supports: Math.min(opts.supports, opts.ideas),
    timeoutMs: opts["timeout-s"] * 1000,
  }
}

const log = (...args) => console.error(`[bench-node ${new Date().toISOString()}]`, ...args)
const sleep = ms => new Promise(r => setTimeout(r, ms))

// ---------------------------------------------------------------------------
// Workload. The texts and shapes follow crates/loadgen/src/workload.rs so that the
// two benchmarks move comparable bytes.

const TEXTS = [
  "Kävin tänään kirjaston lukupiirissä. Keskustelu oli vilkasta ja sain uusia ideoita " +
    "puiston kunnostukseen; moni toivoi lisää penkkejä ja valoja.",
  "Bussi oli taas myöhässä ja pysäkillä ei ollut katosta. Sateessa odottaminen on " +
    "ikävää, varsinkin lasten kanssa. Toivoisin reaaliaikaisen näytön.",
  "Asukasillassa kuultiin suunnitelmista. Oli hienoa, että nuoretkin pääsivät ääneen, " +
    "vaikka aikaa oli vähän ja sali oli täynnä.",
  "Puistossa oli siivoustalkoot. Naapurit toivat kahvia ja pullaa, ja roskia kertyi " +
    "yllättävän paljon kolmessa tunnissa.",
]

// Random 128-bit ids as hex, like the EntryId/EventId/IdeaId of the Rust side.
const randomId = () => crypto.randomUUID().replaceAll("-", "")

function projectDoc(events, ideas, now) {
  const doc = { events: {}, ideas: {} }
  for (let n = 0; n < events; n++) {
    const day = 86_400_000 * (1 + (n % 30))
    doc.events[randomId()] = {
      title: `Asukasilta ${n}: Hervannan puistosuunnitelma`,
      description: TEXTS[n % TEXTS.length],
      starts_at: now + day,
      ends_at: now + day + 7_200_000,
      place: "Hervannan kirjasto, Insinöörinkatu 38",
      capacity: 40,
    }
  }
  for (let n = 0; n < ideas; n++) {
    doc.ideas[randomId()] = {
      title: `Idea ${n}: lisää penkkejä puistoon`,
      description: TEXTS[(n + 1) % TEXTS.length],
      theme: "Puistot ja viheralueet",
      supports: 0,
    }
  }
  return doc
}

// The offline backlog of one member: like the Rust side, all of it is committed as one
// change on top of the freshly created (empty-maps) document.
function addBacklog(handle, { entries, signupIds, supportIds, now }) {
  handle.change(d => {
    for (let n = 0; n < entries; n++) {
      d.diary[randomId()] = {
        text: TEXTS[n % TEXTS.length],
        mood: 1 + (n % 5),
        tags: ["lähiö"],
        at: now - (entries - n) * 3_600_000,
      }
    }
    for (const id of signupIds) d.signups[id] = { requested_at: now, active: true }
    for (const id of supportIds) d.supports[id] = { supported_at: now }
  })
}

// ---------------------------------------------------------------------------
// A tiny in-memory storage adapter for the simulated devices. A real device keeps its
// documents in IndexedDB; what matters for the server is that the device then announces
// a storageId and is not ephemeral, so the server keeps sync state for it as it would
// for a real browser client. (Keeping 400 devices on the local disk would only load
// this process.)
class MemoryStorage {
  #data = new Map()
  async load(key) {
    return this.#data.get(key.join("/"))
  }
  async save(key, data) {
    this.#data.set(key.join("/"), data)
  }
  async remove(key) {
    this.#data.delete(key.join("/"))
  }
  async loadRange(prefix) {
    const p = prefix.join("/")
    const out = []
    for (const [k, data] of this.#data) {
      if (k === p || k.startsWith(p + "/")) out.push({ key: k.split("/"), data })
    }
    return out
  }
  async removeRange(prefix) {
    for (const { key } of await this.loadRange(prefix)) this.#data.delete(key.join("/"))
  }
}

// The Node WebSocket client adapter of automerge-repo-network-websocket, counting what
// goes over its socket: payload bytes of every binary message sent and received (the
// WebSocket frame headers and TCP/IP are not counted).
class CountingClientAdapter extends WebSocketClientAdapter {
  stats = { bytesSent: 0, bytesReceived: 0, messagesSent: 0, messagesReceived: 0 }

  connect(peerId, peerMetadata) {
    super.connect(peerId, peerMetadata)
    // connect() makes a new socket on every (re)connection: wrap each one's send.
    const socket = this.socket
    const send = socket.send.bind(socket)
    socket.send = (data, ...rest) => {
      this.stats.bytesSent += data.byteLength
      this.stats.messagesSent += 1
      return send(data, ...rest)
    }
  }

  receiveMessage(bytes) {
    this.stats.bytesReceived += bytes.byteLength
    this.stats.messagesReceived += 1
    return super.receiveMessage(bytes)
  }
}

// ---------------------------------------------------------------------------
// Server process

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.unref()
    s.on("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

function httpOk(port) {
  return new Promise(resolve => {
    const req = http.get({ host: "127.0.0.1", port, path: "/", timeout: 1000 }, res => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on("error", () => resolve(false))
    req.on("timeout", () => {
      req.destroy()
      resolve(false)
    })
  })
}

const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim())

// utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat; the
// command name in field 2 may hold spaces, so split after its closing parenthesis).
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12]
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
  const m = status.match(/^VmHWM:\s+(\d+)\s+kB/m)
  return m ? Number(m[1]) / 1024 : null
}

async function startServer(dataDir) {
  const pkgPath = require.resolve("@automerge/automerge-repo-sync-server/package.json")
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"))
  const main = path.join(path.dirname(pkgPath), pkg.main)
  const port = await freePort()
  // Run node on the server's main file directly (not through npx), so that the pid we
  // measure is the server itself. Its cwd is the temp dir: it serves ./public from there.
  const child = spawn(process.execPath, [main], {
    cwd: path.dirname(dataDir),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const server = { child, port, version: pkg.version, exited: null }
  child.stdout.on("data", d => process.stderr.write(`[server] ${d}`))
  child.stderr.on("data", d => process.stderr.write(`[server] ${d}`))
  server.exitPromise = new Promise(resolve => {
    child.on("exit", (code, signal) => {
      server.exited = { code, signal }
      resolve(server.exited)
    })
  })
  const deadline = Date.now() + 30_000
  while (!(await httpOk(port))) {
    if (server.exited) throw new Error(`sync server exited at start: ${JSON.stringify(server.exited)}`)
    if (Date.now() > deadline) throw new Error("sync server did not start in 30 s")
    await sleep(50)
  }
  return server
}

// ---------------------------------------------------------------------------
// Helpers on handles

// The storageId the server announced when it connected (its peer metadata).
function serverStorageId(repo) {
  for (const peerId of repo.peers) {
    const id = repo.getStorageIdOfPeer(peerId)
    if (id) return id
  }
  return undefined
}

const sameHeads = (a, b) => a && b && a.length === b.length && a.every(h => b.includes(h))

// Resolves when the server's heads for this document, as the sync protocol reported
// them to this repo, equal the local heads: the server then holds every change we have.
// The repo records the heads the server acknowledges in its sync messages under the
// server's storageId (handle.getSyncInfo), and emits "remote-heads" when they change.
function whenServerHas(repo, handle, signal) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const sid = serverStorageId(repo)
      if (sid && sameHeads(handle.getSyncInfo(sid)?.lastHeads, handle.heads())) {
        cleanup()
        resolve()
      }
    }
    const onAbort = () => {
      cleanup()
      reject(new Error("aborted"))
    }
    const cleanup = () => {
      handle.off("remote-heads", check)
      handle.off("change", check)
      signal?.removeEventListener("abort", onAbort)
    }
    handle.on("remote-heads", check)
    handle.on("change", check)
    signal?.addEventListener("abort", onAbort)
    check()
  })
}

// Resolves when the handle's document passes the predicate (checked on every change).
function whenDoc(handle, predicate, signal) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate(handle.doc())) {
        cleanup()
        resolve()
      }
    }
    const onAbort = () => {
      cleanup()
      reject(new Error("aborted"))
    }
    const cleanup = () => {
      handle.off("change", check)
      signal?.removeEventListener("abort", onAbort)
    }
    handle.on("change", check)
    signal?.addEventListener("abort", onAbort)
    check()
  })
}

const count = m => (m ? Object.keys(m).length : 0)

// find() through the network. Under load a find can come back "unavailable": the
// WebSocket client adapter declares itself ready after 1 s even when the server has not
// answered the join yet, and a repo with no peer gives up on the document at once. When
// the server does answer, the repo's synchronizer asks it again and the same (cached)
// handle becomes ready; find() on it then succeeds. So poll find() every 250 ms (this
// is local: a cached unavailable handle sends nothing) instead of failing the device.
// The number of such polls is reported as find_retries.
let findRetries = 0
async function findWithRetry(repo, url, signal) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await repo.find(url, { signal })
    } catch (e) {
      if (signal?.aborted) throw e
      findRetries++
      if (attempt === 0) log(`find ${url} in ${repo.peerId}: ${e.message}; polling`)
      await sleep(250)
    }
  }
}

function clientRepo(port, peerId, storage) {
  const adapter = new CountingClientAdapter(`ws://127.0.0.1:${port}`)
  const repo = new Repo({ network: [adapter], storage, peerId })
  return { repo, adapter }
}

// ---------------------------------------------------------------------------
// Phases

async function seed(server, { events, ideas, now }) {
  const { repo } = clientRepo(server.port, "seeder", new MemoryStorage())
  const handle = repo.create(projectDoc(events, ideas, now))
  await whenServerHas(repo, handle)
  await repo.shutdown()

  // A fresh client must be able to load it from the server with all its contents...
  const { repo: checker } = clientRepo(server.port, "seed-checker", undefined)
  const found = await findWithRetry(checker, handle.url)
  await whenDoc(found, d => count(d.events) === events && count(d.ideas) === ideas)
  await checker.shutdown()

  // ...and the server must have written it to its data directory (its NodeFS storage
  // keeps <dir>/<first 2 chars of the id>/<rest>/...).
  const docDir = path.join(server.dataDir, handle.documentId.slice(0, 2), handle.documentId.slice(2))
  const deadline = Date.now() + 10_000
  while (!(fs.existsSync(docDir) && fs.readdirSync(docDir, { recursive: true }).length > 0)) {
    if (Date.now() > deadline) throw new Error("the server did not store the project document")
    await sleep(50)
  }
  const doc = handle.doc()
  return { url: handle.url, eventIds: Object.keys(doc.events), ideaIds: Object.keys(doc.ideas) }
}

function prepareDevices(K, { entries, signups, supports, project, now }) {
  const devices = []
  let changeBytes = 0
  for (let i = 0; i < K; i++) {
    // Offline: no network adapter until the burst.
    const repo = new Repo({ network: [], storage: new MemoryStorage(), peerId: `device-${i}` })
    const handle = repo.create({ diary: {}, signups: {}, supports: {} })
    // Each device signs up for S and supports P different events/ideas, round robin.
    const signupIds = Array.from({ length: signups }, (_, k) => project.eventIds[(i + k) % project.eventIds.length])
    const supportIds = Array.from({ length: supports }, (_, k) => project.ideaIds[(i + k) % project.ideaIds.length])
    addBacklog(handle, { entries, signupIds, supportIds, now })
    changeBytes += Automerge.save(handle.doc()).byteLength
    devices.push({ i, repo, member: handle, adapter: null, syncMs: null, error: null })
  }
  return { devices, changeBytes }
}

// One device's burst: connect, push its member document, fetch the project. Converged
// when the server's acknowledged heads for the member document equal the device's heads
// (see whenServerHas) and the project document has all events and ideas.
async function runDevice(dev, server, project, { events, ideas }, t0, signal) {
  const pushed = whenServerHas(dev.repo, dev.member, signal).then(() => {
    dev.pushMs = performance.now() - t0
  })
  const fetched = (async () => {
    const h = await findWithRetry(dev.repo, project.url, signal)
    await whenDoc(h, d => count(d.events) === events && count(d.ideas) === ideas, signal)
    dev.fetchMs = performance.now() - t0
  })()
  await Promise.all([pushed, fetched])
  dev.syncMs = performance.now() - t0
}

// After the measured window: a separate observer client loads a sample of member docs
// from the server and counts their entries, so that "converged" is not only the clients'
// word for it.
async function verifySample(server, devices, entries) {
  const sample = devices.filter(d => d.syncMs !== null).slice(0, 20)
  if (sample.length === 0) return { checked: 0, ok: 0 }
  const { repo } = clientRepo(server.port, "observer", undefined)
  const ac = new AbortController()
  setMaxListeners(0, ac.signal)
  const timer = setTimeout(() => ac.abort(), 30_000)
  let ok = 0
  try {
    await Promise.all(
      sample.map(async dev => {
        try {
          const h = await findWithRetry(repo, dev.member.url, ac.signal)
          await whenDoc(h, d => count(d.diary) === entries, ac.signal)
          ok++
        } catch (e) {
          log(`verify: device ${dev.i} not found on the server: ${e.message}`)
        }
      }),
    )
  } finally {
    clearTimeout(timer)
    await repo.shutdown().catch(() => {})
  }
  return { checked: sample.length, ok }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, idx)]
}

const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d)

// ---------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const K = args.devices
  const now = Date.now()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-node-"))
  const dataDir = path.join(tmp, "data")
  const result = {
    system: null,
    devices: K,
    entries: args.entries,
    events: args.events,
    ideas: args.ideas,
  }
  let server = null
  let devices = []
  try {
    server = await startServer(dataDir)
    server.dataDir = dataDir
    result.system = `automerge-repo-sync-server ${server.version}`
    log(`sync server ${server.version} pid ${server.child.pid} on port ${server.port}, data in ${dataDir}`)

    const project = await seed(server, { events: args.events, ideas: args.ideas, now })
    log(`seeded project ${project.url}`)

    const prepared = prepareDevices(K, { ...args, project, now })
    devices = prepared.devices
    log(`prepared ${K} offline devices, ${prepared.changeBytes} bytes of changes`)

    // --- burst -----------------------------------------------------------------
    const cpu0 = cpuSeconds(server.child.pid)
    // This process (all K devices) shares the 2 cores with the server: its CPU is
    // reported too, to tell whether the server or the load generator was the limit.
    const clientCpu0 = process.cpuUsage()
    const ac = new AbortController()
    setMaxListeners(0, ac.signal) // one listener per device wait
    const t0 = performance.now()
    // Connect every device in one synchronous loop: all sockets open "at once".
    for (const dev of devices) {
      dev.adapter = new CountingClientAdapter(`ws://127.0.0.1:${server.port}`)
      dev.repo.networkSubsystem.addNetworkAdapter(dev.adapter)
    }
    const all = Promise.allSettled(
      devices.map(dev =>
        runDevice(dev, server, project, args, t0, ac.signal).catch(e => {
          dev.error = e.message
        }),
      ),
    )
    let timer
    const timedOut = new Promise(r => (timer = setTimeout(() => r("timeout"), args.timeoutMs)))
    const outcome = await Promise.race([all.then(() => "done"), timedOut, server.exitPromise.then(() => "crashed")])
    clearTimeout(timer)
    // CPU and wall are taken when the last device converged (or at the timeout/crash).
    const wallS = (performance.now() - t0) / 1000
    const clientCpu = process.cpuUsage(clientCpu0)
    ac.abort()
    const converged = devices.filter(d => d.syncMs !== null)
    let serverCpuS = null
    let serverPeakRssMb = null
    if (!server.exited) {
      serverCpuS = round(cpuSeconds(server.child.pid) - cpu0, 2)
      serverPeakRssMb = round(peakRssMb(server.child.pid), 1)
    }
    log(`burst ${outcome}: ${converged.length}/${K} converged in ${wallS.toFixed(1)} s`)
    const med = f => round(percentile(converged.map(d => d[f]).sort((a, b) => a - b), 50))
    log(`medians: member doc on server ${med("pushMs")} ms, project fetched ${med("fetchMs")} ms`)

    const times = converged.map(d => d.syncMs).sort((a, b) => a - b)
    const stats = devices.map(d => d.adapter.stats)
    const sum = f => stats.reduce((s, x) => s + x[f], 0)
    Object.assign(result, {
      converged: converged.length,
      failed: K - converged.length,
      wall_s: round(wallS, 2),
      sync_p50_ms: round(percentile(times, 50)),
      sync_p99_ms: round(percentile(times, 99)),
      sync_max_ms: round(times[times.length - 1]),
      server_cpu_s: serverCpuS,
      server_peak_rss_mb: serverPeakRssMb,
      bytes_sent: sum("bytesSent"),
      bytes_received: sum("bytesReceived"),
      change_bytes: prepared.changeBytes,
      messages_per_device: round(sum("messagesSent") / K, 1),
      find_retries: findRetries,
      client_cpu_s: round((clientCpu.user + clientCpu.system) / 1e6, 2),
    })
    if (outcome === "timeout") result.timed_out = true
    if (server.exited) {
      result.server_crashed = true
      result.server_exit = server.exited
    }

    if (!server.exited) {
      const v = await verifySample(server, devices, args.entries)
      result.verified_sample = `${v.ok}/${v.checked}`
      log(`observer found ${v.ok}/${v.checked} sampled member documents complete on the server`)
    }
  } catch (e) {
    log(`error: ${e.stack || e}`)
    result.error = String(e.message || e)
    if (server?.exited) {
      result.server_crashed = true
      result.server_exit = server.exited
    }
  } finally {
    // Stop the devices (closes their sockets), then the server, then remove the data.
    await Promise.all(devices.map(d => d.repo.shutdown().catch(() => {})))
    if (server && !server.exited) {
      server.child.kill("SIGTERM")
      await Promise.race([server.exitPromise, sleep(5000)])
      if (!server.exited) server.child.kill("SIGKILL")
    }
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  process.stdout.write(JSON.stringify(result) + "\n")
  // Adapters keep reconnect timers around; the run is over.
  process.exit(result.error ? 1 : 0)
}

main()
