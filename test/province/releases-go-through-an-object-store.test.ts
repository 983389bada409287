import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { CommuneReleases } from '../../scripts/rebuild/object-store/commune-releases.ts';
import { s3Status, type ObjectStore } from '../../scripts/rebuild/object-store/object-store-env.ts';
import { siteLayout } from '../../scripts/rebuild/releases/release-store.ts';
import { startBuildWorker, type BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { startProvincePortal, type ProvincePortal } from '../../scripts/rebuild/queue/province-portal.ts';
import { startQueueIntake, type QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { DOMAIN, getByHost, liveRelease, openQueueProbe, QUEUE, SECRET } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';
import { startTestS3, type TestS3 } from './helpers/s3-server.ts';

const ARTICLE = 'api::article.article';
const PROFILE = 'api::commune-profile.commune-profile';
const COMMUNES = ['thanh-thuy', 'dao-xa'];
const BUCKET = 'cong-thong-tin';
const BUILD_WAIT = 120_000;

// Workers and portal processes on different machines share no disk: each has its own DATA_DIR
// here, and releases travel only through a real S3-compatible server (s3rver) on 127.0.0.1.
describe('releases through an object store', () => {
  let dir: string;
  let s3: TestS3;
  let store: ObjectStore;
  let redis: TestRedis;
  let cms: TestCms;
  let api: AdminApi;
  let intake: QueueIntake;
  let portal: ProvincePortal;
  let probe: ReturnType<typeof openQueueProbe>;
  let relations: Record<string, unknown>;
  const workers: Record<string, BuildWorker | undefined> = {};
  const lines: string[] = [];
  const pages: Record<string, string> = {};
  const page = (commune: string, path: string) => getByHost(portal.url, `${commune}.${DOMAIN}`, path);

  async function object(key: string): Promise<string | null> {
    try {
      const res = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return await res.Body!.transformToString();
    } catch (error) {
      if (s3Status(error) === 404) return null;
      throw error;
    }
  }
  const livePointer = async (commune: string) => JSON.parse((await object(`${commune}/live.json`)) ?? 'null') as { current: string; previous: string | null } | null;

  async function publishArticle(key: string, title: string, commune: string): Promise<void> {
    const created = await api.create(ARTICLE, { ...articleFields, title, ...relations, commune });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await api.publish(ARTICLE, created.body.data.documentId);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    pages[key] = `/tin-tuc/${created.body.data.slug}/`;
  }

  function startWorker(name: string): Promise<BuildWorker> {
    return startBuildWorker({
      redisUrl: redis.url,
      queue: QUEUE,
      dataDir: join(dir, `worker-${name}`),
      communes: COMMUNES,
      siteUrl: (commune) => `http://${commune}.${DOMAIN}`,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken } },
      concurrency: 1,
      lockDurationMs: 60_000,
      stalledIntervalMs: 30_000,
      keepBuilders: 2,
      attempts: 3,
      retryBaseMs: 1000,
      objectStore: store,
      log: (line) => lines.push(`[worker ${name}] ${line}`),
    });
  }

  const queueIdle = async () => (await probe.queue.getActiveCount()) + (await probe.queue.getWaitingCount()) + (await probe.queue.getDelayedCount()) + (await probe.queue.getPrioritizedCount()) === 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-s3-'));
    s3 = await startTestS3([BUCKET]);
    store = s3.store(BUCKET);
    redis = await startTestRedis();
    const intakePort = await freePort();
    cms = await bootCms({ database: 'postgres', env: { WEBHOOK_URL: `http://127.0.0.1:${intakePort}/webhook`, WEBHOOK_SECRET: SECRET, PROVINCE_COMMUNES: COMMUNES.join(',') } });
    api = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    intake = await startQueueIntake({ redisUrl: redis.url, queue: QUEUE, communes: COMMUNES, secret: SECRET, port: intakePort, attempts: 3, retryBaseMs: 1000, log: () => {} });
    probe = openQueueProbe(redis.url);
    for (const [commune, name] of [['thanh-thuy', 'Xã Thanh Thủy'], ['dao-xa', 'Xã Đào Xá']]) {
      const created = await api.create(PROFILE, { commune, name, authority: `Ủy ban nhân dân ${name.replace('Xã', 'xã')}`, province: 'Phú Thọ' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    await publishArticle('first', 'Thanh Thủy ra mắt tổ công nghệ số cộng đồng', 'thanh-thuy');
    await publishArticle('daoXa', 'Đào Xá hướng dẫn người dân cài VNeID', 'dao-xa');
    workers.a = await startWorker('a');
    portal = await startProvincePortal({ dataDir: join(dir, 'portal'), communes: COMMUNES, domain: DOMAIN, port: 0, host: '127.0.0.1', objectStore: store, log: (line) => lines.push(`[portal] ${line}`) });
    await waitFor('both communes live in the bucket and the queue idle', async () => (await livePointer('thanh-thuy')) && (await livePointer('dao-xa')) && (await queueIdle()), BUILD_WAIT);
  }, 240_000);

  afterAll(async () => {
    await portal?.stop();
    for (const worker of Object.values(workers)) await worker?.stop();
    await intake?.stop();
    await probe?.close();
    await cms?.stop();
    await redis?.remove();
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves each commune’s release from the bucket on a portal that shares no disk with the workers', async () => {
    const caughtUp = async (commune: string) => (await liveRelease(join(dir, 'portal'), commune)) === (await livePointer(commune))!.current;
    await waitFor('the portal to take both communes’ live releases', async () => (await caughtUp('thanh-thuy')) && (await caughtUp('dao-xa')), 30_000);
    expect((await page('thanh-thuy', pages.first)).status).toBe(200);
    expect((await page('dao-xa', pages.daoXa)).status).toBe(200);
    expect((await page('thanh-thuy', pages.daoXa)).status).toBe(404);
    expect((await page('dao-xa', '/')).body).toMatch(/<title>[^<]*Xã Đào Xá[^<]*<\/title>/);
  });

  it('keeps in the bucket a manifest of each live release and each file once, by its digest', async () => {
    const pointer = (await livePointer('thanh-thuy'))!;
    const manifest = JSON.parse((await object(`thanh-thuy/releases/${pointer.current}.json`))!) as { id: string; files: Array<[string, string, number]> };
    expect(manifest.id).toBe(pointer.current);
    const paths = manifest.files.map(([path]) => path);
    expect(paths).toContain('index.html');
    expect(paths).toContain(`${pages.first.slice(1)}index.html`);
    const [, sha] = manifest.files.find(([path]) => path === 'index.html')!;
    expect(await object(`thanh-thuy/objects/${sha}`)).toContain('Thanh Thủy');
  });

  it('lets another worker, on another machine, build the next publish on top of the live release', async () => {
    await workers.a!.stop();
    workers.a = undefined;
    workers.b = await startWorker('b');
    const before = (await livePointer('thanh-thuy'))!.current;
    await publishArticle('second', 'Hội phụ nữ học thanh toán không dùng tiền mặt', 'thanh-thuy');
    await waitFor('the second piece on the portal', async () => (await page('thanh-thuy', pages.second)).status === 200, BUILD_WAIT);
    expect((await page('thanh-thuy', pages.first)).status, lines.join('\n')).toBe(200);
    const pointer = (await livePointer('thanh-thuy'))!;
    expect(pointer.previous).toBe(before);
    expect(lines.join('\n')).toMatch(new RegExp(`\\[worker b\\] \\[thanh-thuy\\] Took release ${before} from the object store`));
  });

  it('uploads and downloads only the files a publish changed', async () => {
    await workers.b!.stop();
    workers.b = undefined;
    workers.a = await startWorker('a');
    const from = lines.length;
    await publishArticle('third', 'Đoàn thanh niên hướng dẫn nộp hồ sơ trực tuyến', 'thanh-thuy');
    await waitFor('the third piece on the portal', async () => (await page('thanh-thuy', pages.third)).status === 200, BUILD_WAIT);
    for (const key of ['first', 'second']) expect((await page('thanh-thuy', pages[key])).status, key).toBe(200);
    const since = lines.slice(from).join('\n');
    // Worker a still holds its own first release: from the bucket it takes only what b changed.
    const took = since.match(/\[worker a\] \[thanh-thuy\] Took release \S+ from the object store \((\d+) of (\d+) files downloaded\)/);
    expect(took, since).not.toBeNull();
    expect(Number(took![1])).toBeLessThan(Number(took![2]) / 2);
    const pushed = since.match(/\[worker a\] \[thanh-thuy\] Release \S+ is live in the object store \((\d+) of (\d+) files uploaded/);
    expect(pushed, since).not.toBeNull();
    expect(Number(pushed![1])).toBeGreaterThan(0);
    expect(Number(pushed![1])).toBeLessThan(Number(pushed![2]) / 2);
    await waitFor('the portal to log its pull', async () => /\[portal\] \[thanh-thuy\] Release \S+ is live here \((\d+) of (\d+) files downloaded\)/.test(lines.slice(from).join('\n')), 10_000);
  });

  it('keeps serving the live release when the bucket’s new release is damaged or reaches outside its folder', async () => {
    await waitFor('the queue to be idle', queueIdle, BUILD_WAIT);
    const good = (await livePointer('thanh-thuy'))!;
    const put = (key: string, body: string) => store.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    const from = lines.length;
    // A release whose page does not match its digest (a half-copied or tampered object).
    const bad = '20991231T000000-000Z-dead';
    await put(`thanh-thuy/objects/${'0'.repeat(64)}`, '<!doctype html><title>Trang giả mạo</title>');
    await put(`thanh-thuy/releases/${bad}.json`, JSON.stringify({ id: bad, files: [['index.html', '0'.repeat(64), 44]] }));
    await put('thanh-thuy/live.json', JSON.stringify({ current: bad, previous: good.current, at: new Date().toISOString() }));
    await waitFor('the portal to refuse it', async () => lines.slice(from).join('\n').includes('does not match its digest in the bucket'), 10_000);
    // A manifest naming a path outside the release.
    const escaping = '20991231T000000-000Z-beef';
    await put(`thanh-thuy/releases/${escaping}.json`, JSON.stringify({ id: escaping, files: [['../../../etc/cron.d/x', 'a'.repeat(64), 1]] }));
    await put('thanh-thuy/live.json', JSON.stringify({ current: escaping, previous: good.current, at: new Date().toISOString() }));
    await waitFor('the portal to refuse the manifest', async () => lines.slice(from).join('\n').includes(`The manifest of release ${escaping} of thanh-thuy is not valid`), 10_000);
    expect(await liveRelease(join(dir, 'portal'), 'thanh-thuy')).toBe(good.current);
    const home = await page('thanh-thuy', '/');
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('Trang giả mạo');
    await put('thanh-thuy/live.json', JSON.stringify(good));
  });

  it('deletes what neither the live release nor the previous one uses, and a new machine still takes the live one whole', async () => {
    const pointer = (await livePointer('thanh-thuy'))!;
    const listed = async () => ((await store.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'thanh-thuy/' }))).Contents ?? []).map((o) => o.Key!);
    const before = await listed();
    const releases = new CommuneReleases(store, 'thanh-thuy', siteLayout(join(dir, 'new-portal', 'communes', 'thanh-thuy')));
    // Nothing younger than an hour goes.
    expect(await releases.prune({ olderThanMs: 3_600_000 })).toEqual({ manifests: 0, objects: 0 });
    const pruned = await releases.prune({ olderThanMs: 0 });
    expect(pruned.manifests).toBeGreaterThan(0);
    expect(pruned.objects).toBeGreaterThan(0);
    const after = await listed();
    expect(after.length).toBe(before.length - pruned.manifests - pruned.objects);
    expect(after.filter((k) => k.includes('/releases/')).sort()).toEqual([`thanh-thuy/releases/${pointer.current}.json`, `thanh-thuy/releases/${pointer.previous}.json`].sort());
    const kept = new Set<string>();
    for (const id of [pointer.current, pointer.previous!]) for (const [, sha] of (await releases.manifest(id))!.files) kept.add(`thanh-thuy/objects/${sha}`);
    expect(after.filter((k) => k.includes('/objects/')).sort()).toEqual([...kept].sort());
    const pulled = await releases.pull();
    expect(pulled).toMatchObject({ id: pointer.current, before: null });
    expect(pulled!.downloaded).toBe(pulled!.files);
    expect((await page('thanh-thuy', pages.third)).status).toBe(200);
  });

  it('puts a release on a portal as soon as its worker announces it, without waiting for the next poll', async () => {
    // Polls every ten minutes: only the worker's notice through Redis can bring the release in time.
    const slow = await startProvincePortal({ dataDir: join(dir, 'portal-2'), communes: COMMUNES, domain: DOMAIN, port: 0, host: '127.0.0.1', objectStore: { ...store, pollMs: 600_000 }, notices: { redisUrl: redis.url, queue: QUEUE } });
    try {
      expect((await getByHost(slow.url, `thanh-thuy.${DOMAIN}`, pages.third)).status).toBe(200);
      await publishArticle('fourth', 'Hội cựu chiến binh học dùng chữ ký số', 'thanh-thuy');
      await waitFor('the fourth piece on the portal that polls every ten minutes', async () => (await getByHost(slow.url, `thanh-thuy.${DOMAIN}`, pages.fourth)).status === 200, BUILD_WAIT);
    } finally {
      await slow.stop();
    }
  }, BUILD_WAIT + 30_000);

  it('rolls a commune back to its previous release with npm run rollback -- --commune, and forward again', async () => {
    await waitFor('the queue to be idle', queueIdle, BUILD_WAIT);
    const before = (await livePointer('thanh-thuy'))!;
    // Not spawnSync: the S3 server runs in this process and must answer meanwhile.
    const rollback = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/rebuild/releases/rollback.ts'), '--commune', 'thanh-thuy'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...s3.env, RELEASE_BUCKET: BUCKET, ENV_FILE: join(dir, 'rollback.env'), DATA_DIR: join(dir, 'operator') },
      });
    const back = await rollback();
    expect(back.stdout).toContain(`Rolled back: the portal now serves build ${before.previous} (was ${before.current})`);
    expect(await livePointer('thanh-thuy')).toMatchObject({ current: before.previous, previous: before.current });
    await waitFor('the portal to serve the previous release', async () => (await liveRelease(join(dir, 'portal'), 'thanh-thuy')) === before.previous, 10_000);
    expect((await page('thanh-thuy', pages.fourth)).status).toBe(404);
    expect((await page('thanh-thuy', pages.third)).status).toBe(200);
    await rollback();
    await waitFor('the portal to serve the release again', async () => (await liveRelease(join(dir, 'portal'), 'thanh-thuy')) === before.current, 10_000);
    expect((await page('thanh-thuy', pages.fourth)).status).toBe(200);
  }, BUILD_WAIT + 30_000);

  it('lists only content-addressed objects, manifests and pointers under each commune', async () => {
    const listed = await store.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    for (const { Key } of listed.Contents ?? []) expect(Key).toMatch(/^(thanh-thuy|dao-xa)\/(objects\/[0-9a-f]{64}|releases\/[0-9TZ-]+-[0-9a-f]{4}\.json|live\.json)$/);
  });
});
