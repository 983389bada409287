import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { readReleases, siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { fakeBuildCommand } from './helpers/fake-build.ts';
import { waitFor } from './helpers/wait.ts';

const run = promisify(execFile);
const SECRET = 'bi-mat-cua-webhook-thu-nghiem';

/** `npm run rollback -- …` exactly as a person types it; resolves with its output and exit code. */
async function npmRollback(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'rollback', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('releases and rollback', () => {
  let dir: string;
  let worker: Worker;
  let portal: Portal;
  const dataDir = () => join(dir, 'data');
  const home = async () => (await fetch(`${portal.url}/`)).text();

  async function publishAndWait(documentId: string): Promise<void> {
    const before = (await worker.status()).totals.succeeded;
    const body = JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'article', uid: 'api::article.article', entry: { documentId, publishedAt: new Date().toISOString() } });
    expect((await fetch(`${worker.url}/webhook`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body })).status).toBe(202);
    await waitFor('the build', async () => {
      const s = await worker.status();
      return s.totals.succeeded > before && s.state === 'idle';
    });
  }

  /**
   * Runs `action` while visitors keep requesting the home page, one after another on four
   * connections, from before it starts until after it ends; returns what each one received.
   */
  async function whileVisitorsRequest(action: () => Promise<unknown>): Promise<Array<{ status: number; body: string }>> {
    const received: Array<{ status: number; body: string }> = [];
    let acting = true;
    const visit = async () => {
      const res = await fetch(`${portal.url}/`);
      received.push({ status: res.status, body: await res.text() });
    };
    await visit();
    const visitors = Array.from({ length: 4 }, async () => {
      while (acting) await visit();
    });
    try {
      await action();
    } finally {
      acting = false;
      await Promise.all(visitors);
    }
    await visit();
    return received;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-rollback-'));
    worker = await startWorker({
      dataDir: dataDir(),
      port: 0,
      secret: SECRET,
      build: { command: fakeBuildCommand(), cwd: dir, env: { FAKE_BUILD_COUNTER: join(dir, 'runs.txt') } },
      debounceMs: 20,
      log: () => {},
    });
    portal = await startPortal({ dataDir: dataDir(), port: 0, host: '127.0.0.1' });
    await waitFor('the first build', async () => (await worker.status()).live);
  });

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with nothing before the first build, rollback refuses with one line and exit code 1', async () => {
    const result = await npmRollback('--data-dir', dataDir());
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`Rollback failed: There is no previous build to roll back to (in ${join(dataDir(), 'site')})`);
  });

  it('each new build goes live with the one before kept as previous, and older ones are pruned', async () => {
    await publishAndWait('a');
    await publishAndWait('b');
    const releases = await readReleases(siteLayout(dataDir()));
    expect(readdirSync(siteLayout(dataDir()).builds).sort()).toEqual([releases.previous, releases.current].sort());
    expect(await home()).toContain('lần dựng 3');
    const status = await worker.status();
    expect(status.live?.id).toBe(releases.current);
    expect(status.previous?.id).toBe(releases.previous);
  });

  it('a dry run says what it would do and changes nothing', async () => {
    const before = await readReleases(siteLayout(dataDir()));
    const result = await npmRollback('--dry-run', '--data-dir', dataDir());
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Dry run: would switch the portal from build ${before.current} back to ${before.previous}`);
    expect(await readReleases(siteLayout(dataDir()))).toEqual(before);
    expect(await home()).toContain('lần dựng 3');
  });

  it('npm run rollback puts the previous build live while the portal keeps serving, and undoes itself', async () => {
    const before = await readReleases(siteLayout(dataDir()));
    const page = (id: string | null) => readFileSync(join(siteLayout(dataDir()).builds, String(id), 'index.html'), 'utf8');
    const [newer, older] = [page(before.current), page(before.previous)];
    expect(newer).toContain('lần dựng 3');
    expect(older).toContain('lần dựng 2');

    let result: Awaited<ReturnType<typeof npmRollback>> | undefined;
    const during = await whileVisitorsRequest(async () => (result = await npmRollback('--data-dir', dataDir())));
    expect(result?.code, result?.stderr).toBe(0);
    expect(result?.stdout).toContain(`now serves build ${before.previous}`);
    // Every visitor got a whole page, the live one or the one rolled back to, never an error.
    expect(during.filter((r) => r.status !== 200 || (r.body !== newer && r.body !== older))).toEqual([]);
    expect(during[0].body).toBe(newer);
    expect(during.at(-1)?.body).toBe(older);
    expect(during.length).toBeGreaterThanOrEqual(6); // the first, at least one per visitor during the rollback, the last
    expect((await worker.status()).live?.id).toBe(before.previous);

    const undo = await whileVisitorsRequest(() => npmRollback('--data-dir', dataDir()));
    expect(undo.filter((r) => r.status !== 200 || (r.body !== newer && r.body !== older))).toEqual([]);
    expect(undo[0].body).toBe(older);
    expect(undo.at(-1)?.body).toBe(newer);
    expect(await home()).toBe(newer);
  });

  it('an unknown flag is refused', async () => {
    const result = await npmRollback('--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Rollback failed: .*--force/);
  });
});
