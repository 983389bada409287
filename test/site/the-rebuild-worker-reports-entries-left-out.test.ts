import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticCms, type SyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { siteBuildCommand } from '../../scripts/rebuild/worker-config.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { ROOT, SITE_URL } from '../helpers/site-build.ts';

// Editors learn about an entry the portal left out from the worker: GET /status lists the live
// build's skipped entries with the Vietnamese message, and the worker logs a line. The real
// site build runs against the Strapi-shaped stand-in (a real CMS refuses to store the entry).
describe('the rebuild worker', () => {
  let dir: string;
  let cms: SyntheticCms;
  let worker: Worker;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-worker-skipped-'));
    cms = await startSyntheticCms({
      count: 12,
      images: 0,
      mutate: (entry, kind, i) => (kind.key === 'fact-check' && i === 0 ? { ...entry, claimUrl: 'zalo.me/tin-don' } : entry),
    });
    worker = await startWorker({
      dataDir: join(dir, 'data'),
      host: '127.0.0.1',
      port: await freePort(),
      secret: 'bi-mat-kiem-thu',
      build: { ...siteBuildCommand(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL } },
      precompress: false,
      log: (line) => lines.push(line),
    });
    await worker.scheduler.whenIdle();
  });

  afterAll(async () => {
    await worker?.stop();
    await cms?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('puts a build with an invalid entry live and lists the entry in GET /status', async () => {
    const bad = cms.entries.get('fact-checks')!.find((e) => e.claimUrl === 'zalo.me/tin-don')!;
    const status = (await (await fetch(`${worker.url}/status`)).json()) as { live: { id: string; skipped: unknown[] } | null; lastFailure: unknown };
    expect(status.lastFailure).toBeNull();
    expect(status.live).not.toBeNull();
    expect(status.live!.skipped).toEqual([
      {
        kind: 'fact-check',
        documentId: bad.documentId,
        title: bad.title,
        field: 'claimUrl',
        labels: ['Liên kết nơi phát hiện'],
        message: '«Liên kết nơi phát hiện» phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://.',
      },
    ]);
    expect(lines.some((l) => l.includes(`1 invalid entry left out: fact-check ${bad.documentId} (claimUrl)`))).toBe(true);
    // The rest of the site is live; the build's log names the entry as well.
    const live = join(dir, 'data', 'site', 'current');
    expect(existsSync(join(live, 'kiem-chung', String(bad.slug), 'index.html'))).toBe(false);
    expect(existsSync(join(live, 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'data', 'site', 'logs', `${status.live!.id}.log`), 'utf8')).toContain(`left out fact-check ${bad.documentId}`);
  });
});
