import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { openQueueProbe } from '../../test/province/helpers/province.ts';

// What both province benchmarks (province-queue: stand-in builds; province: real ones) measure
// from the queue: the same settling, the same percentile and the same reading of which build
// made each publish live.

type Probe = ReturnType<typeof openQueueProbe>;

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};

/** Resolves once no build is waiting, running, delayed or prioritized. */
export async function settleQueue(probe: Probe, everyMs = 250): Promise<void> {
  for (;;) {
    const c = await probe.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (c.waiting + c.active + c.delayed + c.prioritized === 0) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Samples the queue's depth (waiting, delayed, prioritized) until `stop` is called, which returns the maximum. */
export function sampleDepth(probe: Probe, everyMs = 200): () => number {
  let max = 0;
  const timer = setInterval(() => {
    probe.queue.getJobCounts('waiting', 'delayed', 'prioritized').then((c) => (max = Math.max(max, c.waiting + c.delayed + c.prioritized)), () => {});
  }, everyMs);
  return () => {
    clearInterval(timer);
    return max;
  };
}

/**
 * From the finished builds: each publish's time to live (the first build carrying its change
 * key, from when it was sent), and when the fan-out key was live on its last portal.
 */
export async function publishToLive(probe: Probe, sent: Map<string, number>, fanoutKey: string, fanoutSentAt: number) {
  const results = await probe.results();
  const liveAt = new Map<string, number>();
  let fanoutDone = 0;
  let fanoutCommunes = 0;
  for (const r of results) {
    for (const key of r.changes) {
      if (key === fanoutKey) {
        fanoutCommunes += 1;
        fanoutDone = Math.max(fanoutDone, r.finishedOn);
      } else if (sent.has(key) && !liveAt.has(key)) liveAt.set(key, r.finishedOn);
    }
  }
  const latencies = [...sent].filter(([key]) => liveAt.has(key)).map(([key, at]) => liveAt.get(key)! - at);
  // Publishes sent before the province-wide piece, while it was still going out, and after.
  const windows = { before: [] as number[], during: [] as number[], after: [] as number[] };
  for (const [key, at] of sent) {
    if (!liveAt.has(key)) continue;
    const window = at < fanoutSentAt ? 'before' : at <= fanoutDone ? 'during' : 'after';
    windows[window].push(liveAt.get(key)! - at);
  }
  const byWindow = Object.fromEntries(Object.entries(windows).map(([name, values]) => [name, { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95) }]));
  // And by 15-second slice of the run, from the first publish: a start-up transient shows here.
  const first = Math.min(...sent.values());
  const slices: number[][] = [];
  for (const [key, at] of sent) if (liveAt.has(key)) (slices[Math.floor((at - first) / 15_000)] ??= []).push(liveAt.get(key)! - at);
  const bySlice = [...slices].map((values, i) => ({ from_s: i * 15, count: values?.length ?? 0, p95: values ? percentile(values, 95) : null }));
  return { results, latencies, p50: percentile(latencies, 50), p95: percentile(latencies, 95), fanoutMs: fanoutDone - fanoutSentAt, fanoutCommunes, byWindow, bySlice };
}

/** The machine's CPU time split while `stop` is not called: busy share of all cores, and steal. */
export function sampleCpu(): () => { busyPercent: number; cores: number } {
  const read = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const cores = readFileSync('/proc/stat', 'utf8').split('\n').filter((line) => /^cpu\d+ /.test(line)).length;
  const start = read();
  return () => {
    const end = read();
    const total = end.total - start.total;
    return { busyPercent: total > 0 ? Math.round((100 * (total - (end.idle - start.idle))) / total) : NaN, cores };
  };
}

/**
 * Where the real builds' time went: each build leaves its phase timings
 * (`<id>.timings.json`, site/scripts/build.mjs) in its commune's release logs under `dataDir`.
 * Medians of the builds that finished after `since`, split into incremental and full ones.
 */
export function buildPhases(dataDir: string, since: number): { incremental: Record<string, number>; full: Record<string, number>; counts: { incremental: number; full: number }; startedFrom: Record<string, number>; loadMsByStart: Record<string, number> } {
  const rows: Array<Record<string, unknown> & { incremental: boolean }> = [];
  // Timings are in each commune's logs/; its releases (builds/) are not walked: an idle worker
  // prunes old ones meanwhile.
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'builds') walk(path);
      else if (entry.name.endsWith('.timings.json')) {
        try {
          if (statSync(path).mtimeMs >= since) rows.push(JSON.parse(readFileSync(path, 'utf8')));
        } catch (error) {
          // Pruned with its build's log meanwhile (a commune keeps 20).
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
  };
  if (existsSync(dataDir)) walk(dataDir);
  const medians = (subset: typeof rows) => {
    const keys = ['bundleMs', 'loadMs', 'renderMs', 'pagefindMs', 'totalMs', 'renderedPages', 'pages'];
    const out: Record<string, number> = {};
    for (const key of keys) out[key] = percentile(subset.map((r) => Number(r[key])).filter(Number.isFinite), 50);
    for (const key of new Set(subset.flatMap((r) => Object.keys((r.render as Record<string, number>) ?? {})))) {
      out[`render.${key}`] = percentile(subset.map((r) => Number((r.render as Record<string, number>)[key])).filter(Number.isFinite), 50);
    }
    return out;
  };
  const incremental = rows.filter((r) => r.incremental);
  const full = rows.filter((r) => !r.incremental);
  // Where each build's data came from: the process's memory, the live release's snapshot, or the whole CMS.
  const startedFrom: Record<string, number> = {};
  for (const r of rows) startedFrom[String(r.startedFrom ?? 'nothing')] = (startedFrom[String(r.startedFrom ?? 'nothing')] ?? 0) + 1;
  // Reading the data costs more from a snapshot (entries validated again) than from memory.
  const loadMsByStart: Record<string, number> = {};
  for (const from of Object.keys(startedFrom)) loadMsByStart[from] = percentile(incremental.filter((r) => String(r.startedFrom ?? 'nothing') === from).map((r) => Number(r.loadMs)).filter(Number.isFinite), 50);
  return { incremental: medians(incremental), full: medians(full), counts: { incremental: incremental.length, full: full.length }, startedFrom, loadMsByStart };
}
