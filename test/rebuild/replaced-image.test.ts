import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from './helpers/wait.ts';

const ARTICLE = 'api::article.article';
const SECRET = `bi-mat-${randomBytes(12).toString('hex')}`;
const BUILD_WAIT = 120_000;

const photo = (background: string) => sharp({ create: { width: 800, height: 450, channels: 3, background } }).jpeg().toBuffer();

/** The dominant colour of an image the portal serves: 'red' or 'blue'. */
async function colourOf(bytes: Buffer): Promise<string> {
  const [r, , b] = (await sharp(bytes).stats()).channels.map((c) => c.mean);
  return r > 150 && b < 100 ? 'red' : b > 150 && r < 100 ? 'blue' : `rgb mean ${r}/${b}`;
}

// An editor replaces the photo of a published piece (say, to hide a face or an ID card):
// the file keeps its id and its CMS address. The portal must not keep serving the old
// picture under an address that browsers and CDNs cache for a year.
describe('replacing a published image in the media library', () => {
  let dir: string;
  let cms: TestCms;
  let worker: Worker;
  let portal: Portal;
  let fileId: number;
  let uploadName: string;
  let path: string;
  let before: { live: string; urls: string[] };

  /** Every portal URL on the piece's page that is derived from the uploaded photo. */
  async function photoUrls(): Promise<string[]> {
    const html = await (await fetch(`${portal.url}${path}`)).text();
    const base = uploadName.replace(/\.jpg$/, '');
    const found = new Set<string>();
    for (const [, url] of html.matchAll(/(?:src|srcset|content|href)="([^"]+)"/g)) {
      for (const candidate of url.split(',').map((part) => part.trim().split(/\s+/)[0])) {
        const local = candidate.replace(/^https?:\/\/[^/]+/, '');
        if (local.includes(base) && (local.startsWith('/_astro/') || local.startsWith('/uploads/'))) found.add(local);
      }
    }
    return [...found].sort();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-replace-'));
    const [workerPort, portalPort] = [await freePort(), await freePort()];
    cms = await bootCms({ env: { WEBHOOK_URL: `http://127.0.0.1:${workerPort}/webhook`, WEBHOOK_SECRET: SECRET } });
    const token = await cms.adminToken();
    const form = new FormData();
    form.append('files', new Blob([await photo('#d01010')], { type: 'image/jpeg' }), 'anh-bia.jpg');
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as Array<{ id: number; url: string }>;
    fileId = file.id;
    uploadName = file.url.replace('/uploads/', '');
    const api = new AdminApi(cms, cms.adminToken);
    const created = await api.create(ARTICLE, {
      ...articleFields,
      title: 'Ảnh của bài sẽ được thay',
      cover: fileId,
      coverAlt: 'Quang cảnh buổi làm việc',
      body: `Đoạn mở đầu.\n\n![Quang cảnh buổi làm việc](${file.url})\n\nĐoạn kết.`,
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await api.ids('unit', ['phong-vhxh'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    path = `/tin-tuc/${created.body.data.slug}/`;
    expect((await api.publish(ARTICLE, created.body.data.documentId)).status).toBe(200);
    worker = await startWorker({
      dataDir: join(dir, 'data'),
      host: '127.0.0.1',
      port: workerPort,
      secret: SECRET,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: `http://127.0.0.1:${portalPort}` } },
      precompress: false,
      log: () => {},
    });
    portal = await startPortal({ dataDir: join(dir, 'data'), host: '127.0.0.1', port: portalPort });
    const live = await waitFor('the first build to go live', async () => (await worker.status()).live?.id, BUILD_WAIT);
    before = { live, urls: await photoUrls() };
  }, BUILD_WAIT * 2);

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    await cms?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('before: the page shows the photo through the cover, its share image and the body copy', async () => {
    expect(before.urls.filter((u) => u.startsWith('/_astro/')).length).toBeGreaterThanOrEqual(2);
    expect(before.urls.filter((u) => u.startsWith('/uploads/'))).toHaveLength(1);
    for (const url of before.urls) {
      const res = await fetch(`${portal.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(await colourOf(Buffer.from(await res.arrayBuffer())), url).toBe('red');
    }
  });

  it('after the file is replaced, every address changes, the old ones are gone from the new build and the new photo is served', async () => {
    const form = new FormData();
    form.append('files', new Blob([await photo('#1030d0')], { type: 'image/jpeg' }), 'anh-bia.jpg');
    const replaced = await fetch(`${cms.url}/upload?id=${fileId}`, { method: 'POST', headers: { authorization: `Bearer ${await cms.adminToken()}` }, body: form });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { url: string }).url).toBe(`/uploads/${uploadName}`); // Strapi keeps the address
    // A build that was already queued before the replacement (a follow-up of the publish) may go
    // live first on a loaded machine: wait for the release whose page no longer names the old files.
    const live = await waitFor('the media change to go live', async () => {
      const status = await worker.status();
      if (!status.live || status.live.id === before.live || status.state !== 'idle') return undefined;
      const now = await photoUrls();
      return now.length > 0 && !now.some((u) => before.urls.includes(u)) ? status.live.id : undefined;
    }, BUILD_WAIT);
    const after = await photoUrls();
    expect(after).toHaveLength(before.urls.length);
    expect(after.filter((u) => before.urls.includes(u))).toEqual([]);
    const release = join(siteLayout(join(dir, 'data')).builds, live);
    for (const url of before.urls) {
      expect(existsSync(join(release, decodeURIComponent(url))), `${url} in the new build`).toBe(false);
      expect((await fetch(`${portal.url}${url}`)).status, url).toBe(404);
    }
    for (const url of after) {
      const res = await fetch(`${portal.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(await colourOf(Buffer.from(await res.arrayBuffer())), url).toBe('blue');
    }
  }, BUILD_WAIT);
});
