import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startPortal, type Portal, type PortalPreview } from '../../scripts/rebuild/serving/portal.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { bootCms, type TestCms } from './cms.ts';

export interface LivePortal {
  cms: TestCms;
  worker: Worker;
  portal: Portal;
  /** The worker's DATA_DIR (releases under site/). */
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * The real publishing chain on free ports: a CMS with its webhook to the rebuild worker, the
 * worker running the real site build (its build service), and the portal server; with the
 * draft preview route when `preview` is set (signed with the CMS's PREVIEW_SECRET).
 * `before` runs once the CMS is up and before the worker starts, so its content is in the first build.
 */
export async function startLivePortal(options: { preview?: boolean; before?: (cms: TestCms) => Promise<void> } = {}): Promise<LivePortal> {
  const dir = mkdtempSync(join(tmpdir(), 'tt-live-'));
  const secret = `bi-mat-${randomBytes(12).toString('hex')}`;
  const [workerPort, portalPort] = [await freePort(), await freePort()];
  const siteUrl = `http://127.0.0.1:${portalPort}`;
  const cms = await bootCms({ env: { WEBHOOK_URL: `http://127.0.0.1:${workerPort}/webhook`, WEBHOOK_SECRET: secret, SITE_URL: siteUrl } });
  const dataDir = join(dir, 'data');
  const buildEnv = { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: siteUrl };
  let worker: Worker | undefined;
  let portal: Portal;
  try {
    await options.before?.(cms);
    worker = await startWorker({
      dataDir,
      host: '127.0.0.1',
      port: workerPort,
      secret,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: buildEnv },
      log: () => undefined,
    });
    const preview: PortalPreview | undefined = options.preview ? { buildEnv, secret: cms.secrets.PREVIEW_SECRET, cmsOrigins: [cms.url] } : undefined;
    portal = await startPortal({ dataDir, host: '127.0.0.1', port: portalPort, preview });
  } catch (error) {
    await worker?.stop();
    await cms.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    cms,
    worker,
    portal,
    dataDir,
    stop: async () => {
      await portal.stop();
      await worker.stop();
      await cms.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
