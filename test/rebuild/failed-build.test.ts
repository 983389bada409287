import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { fakeBuildCommand, fakeBuildRuns } from './helpers/fake-build.ts';
import { waitFor } from './helpers/wait.ts';

const SECRET = 'bi-mat-cua-webhook-thu-nghiem';
// Long enough that the first failure is still the latest when the test reads it, however
// busy the machine; every check below is taken from one status snapshot or one log line.
const RETRY_BASE_MS = 2_000;
const publish = (documentId: string) =>
  JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'article', uid: 'api::article.article', entry: { id: 1, documentId, publishedAt: new Date().toISOString() } });

describe('a build that fails', () => {
  let dir: string;
  let worker: Worker;
  let portal: Portal;
  const lines: string[] = [];
  const failFlag = () => join(dir, 'fail-now');
  const send = (documentId: string) => fetch(`${worker.url}/webhook`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: publish(documentId) });
  const home = async () => (await fetch(`${portal.url}/`)).text();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-failed-'));
    worker = await startWorker({
      dataDir: join(dir, 'data'),
      port: 0,
      secret: SECRET,
      build: { command: fakeBuildCommand(), cwd: dir, env: { FAKE_BUILD_COUNTER: join(dir, 'runs.txt'), FAKE_BUILD_FAIL_IF: failFlag(), FAKE_BUILD_DELAY_MS: '100' } },
      debounceMs: 50,
      retryBaseMs: RETRY_BASE_MS,
      buildOnStart: 'if-missing',
      log: (line) => lines.push(line),
    });
    portal = await startPortal({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1' });
    await waitFor('the first build', async () => (await worker.status()).live);
  });

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the last good site online and reports the reason on the status endpoint and in one log line', async () => {
    const before = await home();
    expect(before).toContain('lần dựng 1');
    const liveBefore = (await worker.status()).live?.id;
    writeFileSync(failFlag(), '');
    expect((await send('doc-a')).status).toBe(202);
    const status = await waitFor('the failure to be reported', async () => {
      const s = await (await fetch(`${worker.url}/status`)).json();
      return s.lastFailure ? s : undefined;
    });
    expect(status.state).toBe('retrying');
    expect(status.live.id).toBe(liveBefore);
    expect(status.lastFailure.error).toBe('Site build failed: CMS unreachable: GET http://127.0.0.1:9/api/articles failed (ECONNREFUSED)');
    expect(status.lastFailure.attempt).toBe(1);
    expect(status.pending).toEqual(['api::article.article:doc-a']);
    expect(Date.parse(status.nextRetryAt) - Date.parse(status.lastFailure.finishedAt)).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(readFileSync(status.lastFailure.logFile, 'utf8')).toContain('astro: building…');
    expect(await home()).toBe(before);
    // One log line for the failed build, saying the live site is unchanged and when it retries.
    const failures = lines.filter((l) => l.includes(`Build ${status.lastFailure.id} `));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Build \S+ failed: Site build failed: CMS unreachable: .* \(the live site is unchanged; retry in 2\.0 s\)$/);
    expect(lines.filter((l) => l.includes('failed') && !/^Build \S+ failed: /.test(l))).toEqual([]);
    // The failed build's directory is gone; only the live one remains.
    const builds = siteLayout(join(dir, 'data')).builds;
    expect(existsSync(join(builds, status.lastFailure.id))).toBe(false);
    expect(readdirSync(builds)).toEqual([liveBefore]);
  });

  it('is retried with a longer wait each time until it succeeds, and the change then goes live', async () => {
    const second = await waitFor('a second failure', async () => {
      const s = await worker.status();
      return (s.lastFailure?.attempt ?? 0) >= 2 ? s : undefined;
    }, 30_000);
    // The n-th retry waits RETRY_BASE_MS × 2^(n-1): at least twice the first wait from here on.
    expect(Date.parse(second.nextRetryAt ?? '') - Date.parse(second.lastFailure?.finishedAt ?? '')).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS);
    rmSync(failFlag());
    const done = await waitFor('the retry to succeed', async () => {
      const s = await worker.status();
      return s.lastSuccess && s.lastSuccess.reason === 'retry' ? s : undefined;
    }, 60_000);
    expect(done.failuresInARow).toBe(0);
    expect(done.lastSuccess?.changes).toBe(1);
    expect(done.pending).toEqual([]);
    // The build that succeeded is the last one run, and it is live.
    const runs = fakeBuildRuns(join(dir, 'runs.txt'));
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(await home()).toContain(`lần dựng ${runs}`);
  }, 120_000);

  it('a build that runs too long is stopped and counted as failed', async () => {
    const slow = await startWorker({
      dataDir: join(dir, 'slow'),
      port: 0,
      secret: SECRET,
      build: { command: fakeBuildCommand(), cwd: dir, env: { FAKE_BUILD_DELAY_MS: '30000' }, timeoutMs: 300 },
      retryBaseMs: 60_000,
      buildOnStart: 'if-missing',
      log: () => {},
    });
    try {
      const s = await waitFor('the timeout', async () => (await slow.status()).lastFailure, 10_000);
      expect(s.error).toBe('the build took longer than 0 s and was stopped');
      expect(existsSync(join(dir, 'slow', 'site', 'current'))).toBe(false);
    } finally {
      await slow.stop();
    }
  });

  it('a dry run builds and checks but never switches the live site', async () => {
    const dry = await startWorker({
      dataDir: join(dir, 'dry'),
      port: 0,
      secret: SECRET,
      build: { command: fakeBuildCommand(), cwd: dir, env: {} },
      buildOnStart: 'if-missing',
      dryRun: true,
      log: (line) => lines.push(line),
    });
    try {
      await waitFor('the dry-run build', async () => (await dry.status()).lastSuccess);
      expect((await dry.status()).live).toBeNull();
      expect(lines.at(-1)).toMatch(/^Dry run: build \S+ is complete in .*; the live site was not switched$/);
    } finally {
      await dry.stop();
    }
  });
});
