import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/env/config.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startBuildWorker, type BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { communeDataDir } from '../../scripts/rebuild/queue/commune-data-dir.ts';
import { startProvincePortal, type ProvincePortal } from '../../scripts/rebuild/queue/province-portal.ts';
import { startQueueIntake, type QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { articleFields } from '../fixtures/entries.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { DOMAIN, getByHost, liveRelease, openQueueProbe, QUEUE, SECRET } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';

const ARTICLE = 'api::article.article';
const PROFILE = 'api::commune-profile.commune-profile';
// Thanh Sơn is served but has no details yet: its portal cannot be built until it has them.
const COMMUNES = ['thanh-thuy', 'dao-xa', 'thanh-son'];
const details = (commune: string, name: string) => ({ commune, name, authority: `Ủy ban nhân dân ${name.replace(/^Xã/, 'xã')}`, province: 'Phú Thọ', phone: '0210 3 123 456' });
const BUILD_WAIT = 120_000;

// The whole chain for a province: one CMS on PostgreSQL, its real webhooks to the intake, the
// queue in Redis, a worker running the real site build per commune, and the province portal.
describe('a province on one CMS', () => {
  let dir: string;
  let redis: TestRedis;
  let cms: TestCms;
  let api: AdminApi;
  let intake: QueueIntake;
  let worker: BuildWorker;
  let portal: ProvincePortal;
  let probe: ReturnType<typeof openQueueProbe>;
  let relations: Record<string, unknown>;
  const pages: Record<string, string> = {};
  const profileIds: Record<string, string> = {};
  const dataDir = () => join(dir, 'data');
  const page = (commune: string, path: string) => getByHost(portal.url, `${commune}.${DOMAIN}`, path);

  async function publishArticle(key: string, title: string, tenancy: Record<string, unknown>): Promise<void> {
    const created = await api.create(ARTICLE, { ...articleFields, title, ...relations, ...tenancy });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await api.publish(ARTICLE, created.body.data.documentId);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    pages[key] = `/tin-tuc/${created.body.data.slug}/`;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-cms-'));
    redis = await startTestRedis();
    const intakePort = await freePort();
    cms = await bootCms({ database: 'postgres', env: { WEBHOOK_URL: `http://127.0.0.1:${intakePort}/webhook`, WEBHOOK_SECRET: SECRET, PROVINCE_COMMUNES: COMMUNES.join(',') } });
    api = new AdminApi(cms, cms.adminToken);
    relations = { themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])), unit: connect(await api.ids('unit', ['phong-vhxh'])) };
    intake = await startQueueIntake({ redisUrl: redis.url, queue: QUEUE, communes: COMMUNES, secret: SECRET, port: intakePort, attempts: 3, retryBaseMs: 1000, log: () => {} });
    probe = openQueueProbe(redis.url);
    for (const [commune, name] of [['thanh-thuy', 'Xã Thanh Thủy'], ['dao-xa', 'Xã Đào Xá']]) {
      const created = await api.create(PROFILE, details(commune, name));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      profileIds[commune] = created.body.data.documentId;
    }

    await publishArticle('thanhThuy', 'Xã Thanh Thủy ra mắt tổ công nghệ số cộng đồng', { commune: 'thanh-thuy' });
    await publishArticle('daoXa', 'Xã Đào Xá hướng dẫn người dân cài VNeID', { commune: 'dao-xa' });
    await publishArticle('toDaoXa', 'Tỉnh gửi xã Đào Xá lịch tập huấn chữ ký số', { provinceWide: true, addressedTo: 'dao-xa' });
    await publishArticle('toAll', 'Sở Văn hóa cảnh báo trang giả mạo cổng dịch vụ công', { provinceWide: true });
    const draft = await api.create(ARTICLE, { ...articleFields, title: 'Bản nháp của xã Thanh Thủy chưa duyệt', ...relations, commune: 'thanh-thuy' });
    expect(draft.status).toBe(201);
    pages.draft = `/tin-tuc/${draft.body.data.slug}/`;

    worker = await startBuildWorker({
      redisUrl: redis.url,
      queue: QUEUE,
      dataDir: dataDir(),
      communes: COMMUNES,
      siteUrl: (commune) => `http://${commune}.${DOMAIN}`,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken } },
      concurrency: 2,
      lockDurationMs: 60_000,
      stalledIntervalMs: 30_000,
      keepBuilders: 2,
      attempts: 3,
      retryBaseMs: 1000,
      precompress: false,
      log: () => {},
    });
    portal = await startProvincePortal({ dataDir: dataDir(), communes: COMMUNES, domain: DOMAIN, port: 0, host: '127.0.0.1' });
    await waitFor(
      'both portals to be live, Thanh Sơn’s build given up and the queue idle',
      async () =>
        (await liveRelease(dataDir(), 'thanh-thuy')) &&
        (await liveRelease(dataDir(), 'dao-xa')) &&
        (await probe.queue.getFailedCount()) > 0 &&
        (await probe.queue.getActiveCount()) + (await probe.queue.getWaitingCount()) + (await probe.queue.getDelayedCount()) === 0,
      BUILD_WAIT,
    );
  }, 240_000);

  afterAll(async () => {
    await portal?.stop();
    await worker?.stop();
    await intake?.stop();
    await probe?.close();
    await cms?.stop();
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['thanh-thuy', ['thanhThuy', 'toAll'], ['daoXa', 'toDaoXa', 'draft']],
    ['dao-xa', ['daoXa', 'toDaoXa', 'toAll'], ['thanhThuy', 'draft']],
  ])('the portal of %s shows its own pieces and the province’s addressed to it, and no other', async (commune, shown, hidden) => {
    for (const key of shown) expect((await page(commune, pages[key])).status, `${key} on ${commune}`).toBe(200);
    for (const key of hidden) expect((await page(commune, pages[key])).status, `${key} on ${commune}`).toBe(404);
    const feed = (await page(commune, '/rss.xml')).body;
    for (const key of hidden) expect(feed).not.toContain(pages[key]);
    for (const key of shown) expect(feed).toContain(pages[key]);
  });

  it.each([
    ['thanh-thuy', 'Xã Thanh Thủy', 'Xã Đào Xá'],
    ['dao-xa', 'Xã Đào Xá', 'Xã Thanh Thủy'],
  ])('the portal of %s carries its own name, never another commune’s', async (commune, own, other) => {
    const home = (await page(commune, '/')).body;
    expect(home).toMatch(new RegExp(`<title>[^<]*${own}[^<]*</title>`));
    expect(home).not.toContain(other);
    const piece = (await page(commune, pages.toAll)).body;
    expect(piece).toContain(`"name":"Ủy ban nhân dân ${own.replace('Xã', 'xã')}"`);
  });

  it('renders every commune with one server bundle, each page under its own commune’s address', async () => {
    for (const [commune, other] of [['thanh-thuy', 'dao-xa'], ['dao-xa', 'thanh-thuy']]) {
      const home = (await page(commune, '/')).body;
      expect(home).toContain(`<link rel="canonical" href="http://${commune}.${DOMAIN}/">`);
      expect(home).toContain(`href="http://${commune}.${DOMAIN}/rss.xml"`);
      expect(home).not.toContain(`${other}.${DOMAIN}`);
      const feed = (await page(commune, '/rss.xml')).body;
      expect(feed).toContain(`<link>http://${commune}.${DOMAIN}${pages.toAll}</link>`);
      expect(feed).not.toContain(`${other}.${DOMAIN}`);
    }
    // Each release's record names the server bundle (the site code's version) it was rendered by.
    const versions = new Set(
      ['thanh-thuy', 'dao-xa'].flatMap((commune) => {
        const records = join(communeDataDir(dataDir(), commune), 'site', 'cache', 'releases');
        return readdirSync(records).map((name) => JSON.parse(readFileSync(join(records, name), 'utf8')).version as string);
      }),
    );
    expect(versions.size).toBe(1);
  });

  it('builds no portal for a commune without details, says why in Vietnamese, and builds it once they are entered', async () => {
    expect(await liveRelease(dataDir(), 'thanh-son')).toBeFalsy();
    const failed = await probe.queue.getFailed();
    expect(failed.map((job) => job.failedReason).join('\n')).toContain('Xã, phường "thanh-son" chưa có mục trong «Thông tin các xã, phường»; hãy thêm mục đó.');
    const created = await api.create(PROFILE, details('thanh-son', 'Xã Thanh Sơn'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await waitFor('the portal of Thanh Sơn', async () => Boolean(await liveRelease(dataDir(), 'thanh-son')), BUILD_WAIT);
    expect((await page('thanh-son', '/')).body).toMatch(/<title>[^<]*Xã Thanh Sơn[^<]*<\/title>/);
    expect((await page('thanh-son', pages.toAll)).status).toBe(200);
  });

  it('rebuilds only a commune’s own portal when its details change', async () => {
    const thanhThuyBefore = await liveRelease(dataDir(), 'thanh-thuy');
    const daoXaBefore = await liveRelease(dataDir(), 'dao-xa');
    const updated = await api.update(PROFILE, profileIds['dao-xa'], { phone: '0210 3 999 888' });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    await waitFor('the new phone number on the portal of Đào Xá', async () => (await page('dao-xa', '/')).body.includes('0210 3 999 888'), BUILD_WAIT);
    expect(await liveRelease(dataDir(), 'dao-xa')).not.toBe(daoXaBefore);
    expect(await liveRelease(dataDir(), 'thanh-thuy')).toBe(thanhThuyBefore);
  });

  it('refuses a second entry of details for the same commune', async () => {
    const res = await api.create(PROFILE, details('dao-xa', 'Xã Đào Xá mới'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('xã, phường "dao-xa" đã có một mục thông tin; hãy sửa mục đó thay vì tạo mục mới.');
  });

  it('puts a commune’s new publish on its own portal only, through the CMS’s own webhook', async () => {
    const thanhThuyBefore = await liveRelease(dataDir(), 'thanh-thuy');
    const daoXaBefore = await liveRelease(dataDir(), 'dao-xa');
    await publishArticle('daoXaNew', 'Đào Xá khai trương điểm thanh toán không dùng tiền mặt', { commune: 'dao-xa' });
    await waitFor('the new piece on the portal of Đào Xá', async () => (await page('dao-xa', pages.daoXaNew)).status === 200, BUILD_WAIT);
    expect(await liveRelease(dataDir(), 'dao-xa')).not.toBe(daoXaBefore);
    expect(await liveRelease(dataDir(), 'thanh-thuy')).toBe(thanhThuyBefore);
    expect((await page('thanh-thuy', pages.daoXaNew)).status).toBe(404);
  });

  it('refuses a piece for a commune the installation does not serve, with a message an editor understands', async () => {
    const res = await api.create(ARTICLE, { ...articleFields, title: 'Tin gõ nhầm mã xã', ...relations, commune: 'thanh-thuyy' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('«Xã, phường» có "thanh-thuyy" không phải xã, phường của hệ thống này (thanh-thuy, dao-xa, thanh-son).');
  });
});
