import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { CMS_DIR } from '../../scripts/lib/cms-process.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { s3Status, type ObjectStore } from '../../scripts/rebuild/object-store/object-store-env.ts';
import { startPortal, type Portal } from '../../scripts/rebuild/serving/portal.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { startWorker, type Worker } from '../../scripts/rebuild/worker.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { multipart } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { startTestS3, type TestS3 } from './helpers/s3-server.ts';

const ARTICLE = 'api::article.article';
const SECRET = `bi-mat-${randomBytes(12).toString('hex')}`;
const BUCKET = 'media-cong-thong-tin';
const BUILD_WAIT = 120_000;

const photo = () => sharp({ create: { width: 800, height: 450, channels: 3, background: '#d01010' } }).jpeg().toBuffer();

// A province's CMS nodes share no disk: with UPLOAD_BUCKET, Strapi's own S3 provider puts
// media in an S3-compatible store (s3rver here), and the portal's build reads them from there.
describe('media in an object store', () => {
  let dir: string;
  let s3: TestS3;
  let store: ObjectStore;
  let cms: TestCms;
  let worker: Worker;
  let portal: Portal;
  let file: { id: number; url: string; hash: string; ext: string };
  let path: string;
  let mediaUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-media-s3-'));
    s3 = await startTestS3([BUCKET]);
    store = s3.store(BUCKET);
    mediaUrl = `${s3.endpoint}/${BUCKET}`;
    const [workerPort, portalPort] = [await freePort(), await freePort()];
    cms = await bootCms({ env: { WEBHOOK_URL: `http://127.0.0.1:${workerPort}/webhook`, WEBHOOK_SECRET: SECRET, UPLOAD_BUCKET: BUCKET, ...s3.env } });
    const api = new AdminApi(cms, cms.adminToken);
    const uploaded = await multipart(api, '/upload', { files: new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }) }, 'POST', 'anh-hoi-nghi.jpg');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    [file] = uploaded.body as Array<typeof file>;
    const created = await api.create(ARTICLE, {
      ...articleFields,
      title: 'Hội nghị triển khai chuyển đổi số có ảnh trong kho lưu trữ',
      cover: file.id,
      coverAlt: 'Quang cảnh hội nghị',
      body: `Đoạn mở đầu.\n\n![Quang cảnh hội nghị](${file.url})\n\nĐoạn kết.`,
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
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken, SITE_URL: `http://127.0.0.1:${portalPort}`, MEDIA_URL: mediaUrl } },
      precompress: false,
      log: () => {},
    });
    portal = await startPortal({ dataDir: join(dir, 'data'), host: '127.0.0.1', port: portalPort });
    await waitFor('the first build to go live', async () => (await worker.status()).live?.id, BUILD_WAIT);
  }, BUILD_WAIT * 2);

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    await cms?.stop();
    await s3?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores an uploaded file in the bucket under uploads/, not on the CMS’s disk', async () => {
    const key = `uploads/${file.hash}${file.ext}`;
    expect(file.url).toBe(`${mediaUrl}/${key}`);
    const stored = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(stored.ContentType).toBe('image/jpeg');
    expect(Buffer.from(await stored.Body!.transformToByteArray()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(existsSync(join(CMS_DIR, 'public', 'uploads', `${file.hash}${file.ext}`))).toBe(false);
  });

  it('lets the admin show the bucket’s images (its CSP names the bucket’s origin)', async () => {
    const res = await fetch(`${cms.url}/admin/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).toMatch(new RegExp(`media-src [^;]*${s3.endpoint.replace(/[.:/]/g, '\\$&')}`));
  });

  it('builds the portal with its own copies of the bucket’s images, and no address of the bucket', async () => {
    const html = await (await fetch(`${portal.url}${path}`)).text();
    expect(html).not.toContain(s3.endpoint);
    const local = [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap(([, v]) => v.split(',').map((part) => part.trim().split(/\s+/)[0])).filter((u) => u.startsWith('/_astro/') || u.startsWith('/uploads/'));
    expect(local.some((u) => u.startsWith('/_astro/')), html).toBe(true);
    const bodyCopy = local.find((u) => u.startsWith('/uploads/'));
    expect(bodyCopy, html).toMatch(new RegExp(`^/uploads/${file.hash}\\.[0-9a-f]+\\.jpg$`));
    for (const url of local) {
      const res = await fetch(`${portal.url}${url}`);
      expect(res.status, url).toBe(200);
      const { channels } = await sharp(Buffer.from(await res.arrayBuffer())).stats();
      expect(channels[0].mean, url).toBeGreaterThan(150);
    }
  });

  it('removes the file from the bucket when it is deleted from the media library', async () => {
    const res = await fetch(`${cms.url}/upload/files/${file.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${await cms.adminToken()}` } });
    expect(res.status).toBe(200);
    const head = await store.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `uploads/${file.hash}${file.ext}` })).then(
      () => 200,
      (error: unknown) => s3Status(error),
    );
    expect(head).toBe(404);
  });
});
