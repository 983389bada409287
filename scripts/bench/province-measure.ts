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
  return { results, latencies, p50: percentile(latencies, 50), p95: percentile(latencies, 95), fanoutMs: fanoutDone - fanoutSentAt, fanoutCommunes };
}
