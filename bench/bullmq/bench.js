#!/usr/bin/env node
// BullMQ half of the Skein queue benchmark.
//
// Usage:
//   node bench.js --socket PATH --password PW [--jobs N] [--trickle-rate R] [--trickle-seconds S]
//
// Measures, each on a fresh queue (all under a per-run prefix "bullbench-<timestamp>"):
//   a. enqueue_one_per_s   N sequential `await queue.add()` calls
//   b. enqueue_bulk_per_s  N jobs via queue.addBulk in chunks of 1000
//   c. process_c1_per_s / process_c16_per_s
//                          N pre-filled no-op jobs drained by one Worker (concurrency 1 / 16),
//                          timed from worker start until N 'completed' events
//   d. latency_p50_ms / latency_p99_ms
//                          a Worker (concurrency 16) already running; one job every 1000/R ms for
//                          S seconds; latency = processor start - just before queue.add().
//                          Producer and worker run in this same process, so the clock used is
//                          performance.now() (monotonic, sub-millisecond), not Date.now().
//
// Prints exactly one JSON line on stdout at the end; progress goes to stderr.
// Every queue used is obliterated at the end and any leftover key under the prefix is deleted.

'use strict';

const path = require('path');
const { performance } = require('perf_hooks');
const { Queue, Worker } = require('bullmq');
const BULLMQ_VERSION = require('bullmq/package.json').version;
// ioredis comes bundled with bullmq (it is bullmq's own dependency); resolve it from there.
const IORedis = require(require.resolve('ioredis', {
  paths: [path.dirname(require.resolve('bullmq/package.json'))],
}));

const BULK_CHUNK = 1000;
const KEEP = { count: 1000 };
const STALL_MS = 60000; // give up if no job completes for this long
const LOST_MS = 15000; // give up if Redis does not answer PING for this long

function log(msg) {
  process.stderr.write(`[bullmq-bench] ${msg}\n`);
}

function fail(msg, code = 2) {
  process.stderr.write(`bullmq-bench: error: ${msg}\n`);
  process.exit(code);
}

function usage() {
  return 'usage: node bench.js --socket PATH --password PW [--jobs N] [--trickle-rate R] [--trickle-seconds S]';
}

function parseArgs(argv) {
  const opts = { socket: null, password: null, jobs: 20000, rate: 200, seconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let key = a;
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      key = a.slice(0, eq);
      val = a.slice(eq + 1);
    } else if (a === '-h' || a === '--help') {
      process.stderr.write(usage() + '\n');
      process.exit(0);
    } else {
      val = argv[++i];
    }
    if (val === undefined) fail(`missing value for ${key}\n${usage()}`);
    const num = () => {
      const n = Number(val);
      if (!Number.isFinite(n) || n <= 0) fail(`${key} needs a positive number, got "${val}"`);
      return n;
    };
    switch (key) {
      case '--socket': opts.socket = val; break;
      case '--password': opts.password = val; break;
      case '--jobs': opts.jobs = Math.floor(num()); break;
      case '--trickle-rate': opts.rate = num(); break;
      case '--trickle-seconds': opts.seconds = num(); break;
      default: fail(`unknown argument "${key}"\n${usage()}`);
    }
  }
  if (!opts.socket) fail(`--socket is required\n${usage()}`);
  if (opts.password === null) fail(`--password is required\n${usage()}`);
  if (opts.jobs < 1) fail('--jobs must be at least 1');
  return opts;
}

// Check that Redis answers on the socket with that password, failing fast (no retry loop).
async function checkRedis(connection) {
  const client = new IORedis({
    ...connection,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 5000,
  });
  let lastError = null; // the underlying cause (ENOENT, EACCES, WRONGPASS...), not just "closed"
  client.on('error', (e) => { lastError = e; });
  try {
    try {
      await client.connect();
    } catch (e) {
      throw lastError || e;
    }
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
    const info = await client.info('server');
    const m = /redis_version:(\S+)/.exec(info);
    return m ? m[1] : 'unknown';
  } finally {
    client.disconnect();
  }
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

function percentile(sorted, p) {
  // nearest-rank
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// With maxRetriesPerRequest: null a lost Redis makes commands wait forever; bound each phase.
function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Bench {
  constructor(opts) {
    this.opts = opts;
    this.connection = {
      path: opts.socket,
      password: opts.password,
      maxRetriesPerRequest: null,
    };
    this.prefix = `bullbench-${Date.now()}-${process.pid}`;
    this.queues = new Map(); // name -> Queue (kept open until cleanup)
    this.workers = new Set();
  }

  newQueue(name) {
    if (this.queues.has(name)) throw new Error(`queue ${name} already used`);
    const q = new Queue(name, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: { removeOnComplete: KEEP, removeOnFail: KEEP },
    });
    q.on('error', (e) => log(`queue ${name} error: ${e.message}`));
    this.queues.set(name, q);
    return q;
  }

  newWorker(name, processor, concurrency, autorun) {
    const w = new Worker(name, processor, {
      connection: this.connection,
      prefix: this.prefix,
      concurrency,
      autorun,
    });
    w.on('error', (e) => log(`worker ${name} error: ${e.message}`));
    w.on('failed', (job, e) => log(`worker ${name} job ${job && job.id} failed: ${e.message}`));
    this.workers.add(w);
    return w;
  }

  async closeWorker(w) {
    await w.close();
    this.workers.delete(w);
  }

  async obliterate(name) {
    const q = this.queues.get(name);
    if (!q) return;
    await q.obliterate({ force: true });
  }

  async addBulk(q, n) {
    for (let start = 0; start < n; start += BULK_CHUNK) {
      const end = Math.min(n, start + BULK_CHUNK);
      const batch = new Array(end - start);
      for (let i = start; i < end; i++) batch[i - start] = { name: 'noop', data: { i } };
      await q.addBulk(batch);
    }
  }

  async enqueueOne() {
    const n = this.opts.jobs;
    const q = this.newQueue('enqueue-one');
    await q.waitUntilReady();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await q.add('noop', { i });
    }
    const secs = (performance.now() - t0) / 1000;
    const rate = n / secs;
    log(`enqueue_one: ${n} jobs in ${secs.toFixed(3)} s = ${rate.toFixed(0)}/s`);
    await this.obliterate('enqueue-one');
    return rate;
  }

  async enqueueBulk() {
    const n = this.opts.jobs;
    const q = this.newQueue('enqueue-bulk');
    await q.waitUntilReady();
    const t0 = performance.now();
    await this.addBulk(q, n);
    const secs = (performance.now() - t0) / 1000;
    const rate = n / secs;
    log(`enqueue_bulk: ${n} jobs in ${secs.toFixed(3)} s = ${rate.toFixed(0)}/s`);
    await this.obliterate('enqueue-bulk');
    return rate;
  }

  async process(concurrency) {
    const n = this.opts.jobs;
    const name = `process-c${concurrency}`;
    const q = this.newQueue(name);
    await q.waitUntilReady();
    await this.addBulk(q, n);
    const waiting = await q.getWaitingCount();
    if (waiting !== n) throw new Error(`${name}: expected ${n} waiting jobs after pre-fill, found ${waiting}`);
    log(`${name}: pre-filled ${n} jobs`);

    let completed = 0;
    let lastProgress = Date.now();
    let resolveDone;
    const done = new Promise((r) => { resolveDone = r; });
    const worker = this.newWorker(name, async () => {}, concurrency, false);
    worker.on('completed', () => {
      completed++;
      lastProgress = Date.now();
      if (completed === n) resolveDone(performance.now());
    });
    // Connect the worker before the clock starts, so that connection setup is not measured.
    await worker.waitUntilReady();

    const t0 = performance.now();
    lastProgress = Date.now();
    const running = worker.run();
    running.catch((e) => log(`${name}: worker run ended with ${e.message}`));
    const watchdog = setInterval(() => {
      if (Date.now() - lastProgress > STALL_MS) {
        log(`${name}: no progress for ${STALL_MS / 1000} s (${completed}/${n} completed)`);
        resolveDone(null);
      }
    }, 1000);
    const t1 = await done;
    clearInterval(watchdog);
    if (t1 === null) throw new Error(`${name}: stalled at ${completed}/${n} completed jobs`);
    const secs = (t1 - t0) / 1000;
    const rate = n / secs;
    log(`${name}: ${n} jobs in ${secs.toFixed(3)} s = ${rate.toFixed(0)}/s`);
    await this.closeWorker(worker);
    await this.obliterate(name);
    return rate;
  }

  async latency() {
    const { rate, seconds } = this.opts;
    const total = Math.max(1, Math.round(rate * seconds));
    const intervalMs = 1000 / rate;
    const name = 'latency';
    const q = this.newQueue(name);
    await q.waitUntilReady();

    const samples = [];
    let resolveDone;
    const done = new Promise((r) => { resolveDone = r; });
    let lastProgress = Date.now();
    const worker = this.newWorker(name, async (job) => {
      samples.push(performance.now() - job.data.t);
      lastProgress = Date.now();
      if (samples.length === total) resolveDone(true);
    }, 16, true);
    await worker.waitUntilReady();
    // Let the worker settle into its blocking wait on the empty queue before the first job.
    await sleep(200);

    log(`latency: ${total} jobs at ${rate}/s for ${seconds} s with a concurrency-16 worker`);
    const adds = [];
    let addErr = null;
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      // Steady schedule: job i is due at start + i*interval, independent of how long adds take.
      const due = start + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      adds.push(q.add('noop', { i, t: performance.now() }).catch((e) => { addErr = e; }));
    }
    const enqueueSecs = (performance.now() - start) / 1000;
    await Promise.all(adds);
    if (addErr) throw addErr;

    lastProgress = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - lastProgress > STALL_MS) resolveDone(false);
    }, 1000);
    const ok = await done;
    clearInterval(watchdog);
    if (!ok) throw new Error(`latency: stalled at ${samples.length}/${total} processed jobs`);
    await this.closeWorker(worker);
    await this.obliterate(name);

    const sorted = samples.slice().sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    log(`latency: enqueued over ${enqueueSecs.toFixed(2)} s; p50 ${p50.toFixed(2)} ms, `
      + `p99 ${p99.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`);
    return { p50, p99 };
  }

  // Close everything and delete every key under this run's prefix.
  async cleanup() {
    for (const w of this.workers) {
      try { await w.close(true); } catch (e) { log(`closing worker: ${e.message}`); }
    }
    this.workers.clear();
    for (const [name, q] of this.queues) {
      try { await q.obliterate({ force: true }); } catch (e) { log(`obliterate ${name}: ${e.message}`); }
      try { await q.close(); } catch (e) { log(`closing queue ${name}: ${e.message}`); }
    }
    this.queues.clear();
    // Sweep anything obliterate may have left behind (e.g. event streams, meta keys).
    const client = new IORedis({ ...this.connection, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      let cursor = '0';
      let removed = 0;
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) removed += await client.del(...keys);
      } while (cursor !== '0');
      if (removed) log(`cleanup: deleted ${removed} leftover keys under ${this.prefix}:`);
    } catch (e) {
      log(`cleanup sweep failed: ${e.message}`);
    } finally {
      client.disconnect();
    }
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const bench = new Bench(opts);

  let redisVersion;
  try {
    redisVersion = await checkRedis(bench.connection);
  } catch (e) {
    fail(`cannot reach Redis on unix socket ${opts.socket}: ${e.message}`);
  }
  log(`bullmq ${BULLMQ_VERSION}, redis ${redisVersion}, node ${process.version}, prefix ${bench.prefix}, `
    + `jobs ${opts.jobs}, trickle ${opts.rate}/s for ${opts.seconds} s`);

  // Fail fast if Redis goes away mid-run (BullMQ's own connections would just keep retrying).
  const monitor = new IORedis({
    ...bench.connection,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => 500,
  });
  let monitorError = null;
  monitor.on('error', (e) => { monitorError = e; });
  let lastPong = Date.now();
  const monitorTimer = setInterval(() => {
    monitor.ping().then(() => { lastPong = Date.now(); }, (e) => { monitorError = e; });
    if (Date.now() - lastPong > LOST_MS) {
      fail(`lost the connection to Redis on ${opts.socket} for over ${LOST_MS / 1000} s`
        + `${monitorError ? ` (${monitorError.message})` : ''}; keys under ${bench.prefix}: may remain`);
    }
  }, 1000);
  monitorTimer.unref();

  const t0 = performance.now();
  let result;
  try {
    const phaseMs = 120000 + opts.jobs * 10;
    const enqueueOne = await withTimeout(bench.enqueueOne(), phaseMs, 'enqueue_one');
    const enqueueBulk = await withTimeout(bench.enqueueBulk(), phaseMs, 'enqueue_bulk');
    const c1 = await withTimeout(bench.process(1), phaseMs, 'process_c1');
    const c16 = await withTimeout(bench.process(16), phaseMs, 'process_c16');
    const lat = await withTimeout(bench.latency(), phaseMs + opts.seconds * 1000, 'latency');
    result = {
      system: 'bullmq',
      version: BULLMQ_VERSION,
      jobs: opts.jobs,
      enqueue_one_per_s: Math.round(enqueueOne),
      enqueue_bulk_per_s: Math.round(enqueueBulk),
      process_c1_per_s: Math.round(c1),
      process_c16_per_s: Math.round(c16),
      latency_p50_ms: round1(lat.p50),
      latency_p99_ms: round1(lat.p99),
    };
  } finally {
    try {
      await withTimeout(bench.cleanup(), 60000, 'cleanup');
    } catch (e) {
      log(`${e.message}; keys under ${bench.prefix}: may remain`);
    }
  }
  clearInterval(monitorTimer);
  monitor.disconnect();
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().then(
  () => process.exit(0),
  (e) => fail(e && e.stack ? e.stack : String(e), 1),
);
