import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuildScheduler, type BuildRun } from '../../scripts/rebuild/scheduling/build-scheduler.ts';
import { SiteBuildError } from '../../scripts/rebuild/scheduling/site-build-error.ts';

// The scheduler is all timers (debounce, build length, backoff): these tests run it on
// vitest's fake clock, so what they check is its logic, not how busy the machine is.
beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets `ms` of fake time pass, running every timer and promise due meanwhile. */
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Lets fake time pass until the scheduler is idle (at most `limitMs`). */
async function untilIdle(s: BuildScheduler, limitMs = 60_000): Promise<void> {
  let idle = false;
  void s.whenIdle().then(() => (idle = true));
  for (let spent = 0; !idle; spent += 10) {
    if (spent > limitMs) throw new Error(`the scheduler was still busy after ${limitMs} ms of fake time`);
    await elapse(10);
  }
}

function scheduler(options: { buildMs: number; fail?: (run: BuildRun, index: number) => boolean; debounceMs?: number; retryBaseMs?: number }) {
  const runs: BuildRun[] = [];
  const lines: string[] = [];
  let n = 0;
  const s = new BuildScheduler({
    build: async (run) => {
      const index = runs.push(run) - 1;
      await new Promise((r) => setTimeout(r, options.buildMs));
      if (options.fail?.(run, index)) throw new SiteBuildError('CMS unreachable: GET http://127.0.0.1:9/api/articles failed', run.id);
    },
    newId: () => `b${++n}`,
    debounceMs: options.debounceMs ?? 20,
    retryBaseMs: options.retryBaseMs ?? 100,
    retryMaxMs: 1_000,
    log: (line) => lines.push(line),
  });
  return { s, runs, lines };
}

const change = (i: number) => ({ key: `api::article.article:doc${i}`, event: 'entry.publish' });

describe('coalescing builds', () => {
  it('50 publishes in a burst end in a handful of builds that together include all 50', async () => {
    const { s, runs } = scheduler({ buildMs: 200 });
    for (let i = 0; i < 50; i++) {
      s.request(change(i));
      await elapse(20); // 50 events over 1 s, five build-lengths
    }
    await untilIdle(s);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(6);
    const built = new Set(runs.flatMap((r) => r.changes.map((c) => c.key)));
    expect(built.size).toBe(50);
    // One build at a time: none starts before the one before it has run its 200 ms.
    for (const [i, run] of runs.entries()) if (i > 0) expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(Date.parse(runs[i - 1].startedAt) + 200);
    expect(s.snapshot().state).toBe('idle');
  });

  it('the update and the publish of one document count as one change', async () => {
    const { s, runs } = scheduler({ buildMs: 10 });
    s.request({ key: 'api::article.article:abc', event: 'entry.update' });
    s.request({ key: 'api::article.article:abc', event: 'entry.publish' });
    await untilIdle(s);
    expect(runs).toHaveLength(1);
    expect(runs[0].changes).toEqual([{ key: 'api::article.article:abc', event: 'entry.publish' }]);
  });

  it('changes during a build queue exactly one follow-up build', async () => {
    const { s, runs } = scheduler({ buildMs: 150 });
    s.request(change(1));
    await elapse(60);
    expect(s.snapshot().state).toBe('building');
    for (let i = 2; i <= 10; i++) s.request(change(i));
    expect(s.snapshot().pending).toHaveLength(9);
    await untilIdle(s);
    expect(runs.map((r) => r.changes.length)).toEqual([1, 9]);
  });
});

describe('failed builds', () => {
  it('are retried with growing delays and keep their changes until a build succeeds', async () => {
    const { s, runs, lines } = scheduler({ buildMs: 10, fail: (_run, i) => i < 3, retryBaseMs: 100 });
    s.request(change(1));
    await elapse(60);
    const first = s.snapshot();
    expect(first.state).toBe('retrying');
    expect(first.lastFailure).toMatchObject({ error: 'CMS unreachable: GET http://127.0.0.1:9/api/articles failed', attempt: 1 });
    expect(first.pending).toEqual([change(1).key]);
    expect(first.nextRetryAt).not.toBeNull();
    while (runs.length < 4) await elapse(20);
    await untilIdle(s);
    const gaps = runs.slice(1).map((r, i) => Date.parse(r.startedAt) - Date.parse(runs[i].startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(runs.every((r) => r.changes.some((c) => c.key === change(1).key))).toBe(true);
    const last = s.snapshot();
    expect(last.lastSuccess?.id).toBe(runs[3].id);
    expect(last.failuresInARow).toBe(0);
    expect(last.totals).toEqual({ succeeded: 1, failed: 3 });
    expect(lines.filter((l) => l.includes('failed'))).toHaveLength(3);
    expect(lines[0]).toMatch(/^Build b1 failed: CMS unreachable: .* \(the live site is unchanged; retry in 0\.1 s\)$/);
  });

  it('a new change does not wait for the backoff: it may be the fix', async () => {
    const { s, runs } = scheduler({ buildMs: 10, fail: (_run, i) => i === 0, retryBaseMs: 60_000 });
    s.request(change(1));
    await elapse(80);
    expect(s.snapshot().state).toBe('retrying');
    s.request(change(2));
    await untilIdle(s, 1_000); // far less than the 60 s backoff
    expect(runs).toHaveLength(2);
    expect(runs[1].changes.map((c) => c.key).sort()).toEqual([change(1).key, change(2).key]);
    expect(s.snapshot().state).toBe('idle');
  });

  it('stopping cancels a scheduled retry', async () => {
    const { s, runs } = scheduler({ buildMs: 10, fail: () => true, retryBaseMs: 50 });
    s.request(change(1));
    await elapse(40);
    expect(s.snapshot().state).toBe('retrying');
    await s.stop();
    await elapse(10_000);
    expect(runs).toHaveLength(1);
    expect(s.snapshot().state).toBe('stopped');
  });
});
