import { request } from 'node:http';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PREFIX } from '../../../scripts/rebuild/queue/build-queue.ts';
import type { BuildJobResult } from '../../../scripts/rebuild/queue/build-worker.ts';
import { communeDataDir } from '../../../scripts/rebuild/queue/commune-data-dir.ts';
import { readReleases, siteLayout } from '../../../scripts/rebuild/releases/release-store.ts';

export const SECRET = 'bi-mat-webhook-cap-tinh-thu-nghiem';
export const DOMAIN = 'cong.phutho.test';
export const QUEUE = 'portal-builds-test';

/** An article's publish as Strapi posts it, with the tenancy fields of issue 13. */
export function publishBody(documentId: string, tenancy: { commune?: string; provinceWide?: boolean; communes?: string[] }): string {
  const entry = {
    id: 1,
    documentId,
    publishedAt: new Date().toISOString(),
    commune: tenancy.commune ?? null,
    provinceWide: tenancy.provinceWide ?? false,
    addressedTo: tenancy.communes?.join(', ') ?? null,
  };
  return JSON.stringify({ event: 'entry.publish', createdAt: new Date().toISOString(), model: 'article', uid: 'api::article.article', entry });
}

export async function sendWebhook(intakeUrl: string, body: string): Promise<Response> {
  return fetch(`${intakeUrl}/webhook`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body });
}

export async function liveRelease(dataDir: string, commune: string): Promise<string | null> {
  return (await readReleases(siteLayout(communeDataDir(dataDir, commune)))).current;
}

export const buildsDir = (dataDir: string, commune: string) => siteLayout(communeDataDir(dataDir, commune)).builds;

/** GET `path` from the province portal as the browser of `host` would ask for it. */
export function getByHost(portalUrl: string, host: string, path = '/'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(portalUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The test's view into the queue: finished jobs and their results, by commune. */
export function openQueueProbe(redisUrl: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection, prefix: PREFIX });
  return {
    queue,
    /** Finished builds, oldest first, with when their job started and ended. */
    async results(commune?: string): Promise<Array<BuildJobResult & { processedOn: number; finishedOn: number }>> {
      const jobs = await queue.getJobs(['completed'], 0, -1, true);
      return jobs
        .map((j) => ({ ...(j.returnvalue as BuildJobResult), processedOn: j.processedOn ?? 0, finishedOn: j.finishedOn ?? 0 }))
        .filter((r) => r && (!commune || r.commune === commune))
        .sort((a, b) => a.release.localeCompare(b.release));
    },
    async waitingFor(commune: string): Promise<number> {
      const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed'], 0, -1);
      return jobs.filter((j) => j?.data?.commune === commune).length;
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

export const dataDirIn = (dir: string) => join(dir, 'data');
