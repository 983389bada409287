import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communeSiteToken, localDay } from '@thanh-thuy/content-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvinceCrosspost } from '../../scripts/crosspost/start-runner.ts';
import { ROOT } from '../../scripts/env/config.ts';
import { openDatabase } from '../../scripts/lib/database-client.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startBuildWorker, type BuildWorker } from '../../scripts/rebuild/queue/build-worker.ts';
import { startProvincePortal, type ProvincePortal } from '../../scripts/rebuild/queue/province-portal.ts';
import { startQueueIntake, type QueueIntake } from '../../scripts/rebuild/queue/queue-intake.ts';
import { siteBuildCommand, siteBuildService } from '../../scripts/rebuild/worker-config.ts';
import { startFacebookGraph, type GraphStandIn } from '../crosspost/stand-ins/facebook-graph.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../crosspost/stand-ins/webhook-receiver.ts';
import { ARTICLE, LEDGER, publishArticle } from '../crosspost/helpers/runner-harness.ts';
import { AdminApi, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { DOMAIN, getByHost, liveRelease, openQueueProbe, QUEUE, SECRET } from './helpers/province.ts';
import { startTestRedis, type TestRedis } from './helpers/redis-server.ts';

const PROFILE = 'api::commune-profile.commune-profile';
// Thanh Thủy and Đào Xá have Facebook pages the runner may post on; Thanh Sơn has none yet.
const COMMUNES = ['thanh-thuy', 'dao-xa', 'thanh-son'];
const NAMES: Record<string, string> = { 'thanh-thuy': 'Xã Thanh Thủy', 'dao-xa': 'Xã Đào Xá', 'thanh-son': 'Xã Thanh Sơn' };
const details = (commune: string) => ({ commune, name: NAMES[commune], authority: `Ủy ban nhân dân ${NAMES[commune].replace(/^Xã/, 'xã')}`, province: 'Phú Thọ', phone: '0210 3 123 456' });
const portalOf = (commune: string) => `http://${commune}.${DOMAIN}`;
const WAIT = 150_000;

type Job = { pieceId: string; channel: string; commune: string | null; action: string; state: string; remoteUrl: string | null; payload: string | null };

// A province's cross-posting end to end: one CMS on PostgreSQL, its ledger, the real runner with
// each commune's accounts from the accounts file, the real build chain and province portal (a
// post waits until its page is live on that commune's portal), and a Graph API stand-in per page.
describe('each commune of a province posts on its own accounts', () => {
  let dir: string;
  let redis: TestRedis;
  let cms: TestCms;
  let api: AdminApi;
  let intake: QueueIntake;
  let worker: BuildWorker;
  let portal: ProvincePortal;
  let probe: ReturnType<typeof openQueueProbe>;
  let runner: { stop: () => Promise<void> };
  let receiver: WebhookReceiver;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const logs: string[] = [];
  const pages: Record<string, GraphStandIn> = {};
  const pieces: Record<string, { id: string; slug: string }> = {};

  const jobsOf = async (pieceId: string): Promise<Job[]> => {
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    return (res.body.results as Job[]).filter((r) => r.pieceId === pieceId);
  };
  const postsOn = (commune: string, slug: string) => pages[commune].posts.filter((p) => p.link?.endsWith(`/tin-tuc/${slug}/`));
  const settled = async (pieceId: string) => (await jobsOf(pieceId)).every((j) => !['pending', 'sending'].includes(j.state));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-province-crosspost-'));
    redis = await startTestRedis();
    pages['thanh-thuy'] = await startFacebookGraph({ pageId: '104857600011111', token: 'EAAThanhThuyPageToken0123456789' });
    pages['dao-xa'] = await startFacebookGraph({ pageId: '104857600022222', token: 'EAADaoXaPageToken0123456789abc' });
    // The installation's own webhook (the provincial portal's consumer), one event per piece.
    receiver = await startWebhookReceiver(webhookSecret);
    const intakePort = await freePort();
    cms = await bootCms({ database: 'postgres', env: { WEBHOOK_URL: `http://127.0.0.1:${intakePort}/webhook`, WEBHOOK_SECRET: SECRET, PROVINCE_COMMUNES: COMMUNES.join(',') } });
    api = new AdminApi(cms, cms.adminToken);
    intake = await startQueueIntake({ redisUrl: redis.url, queue: QUEUE, communes: COMMUNES, secret: SECRET, port: intakePort, attempts: 3, retryBaseMs: 1000, log: () => {} });
    probe = openQueueProbe(redis.url);
    for (const commune of COMMUNES) expect((await api.create(PROFILE, details(commune))).status).toBe(201);
    worker = await startBuildWorker({
      redisUrl: redis.url,
      queue: QUEUE,
      dataDir: join(dir, 'data'),
      communes: COMMUNES,
      siteUrl: portalOf,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: cms.siteToken } },
      concurrency: 2,
      lockDurationMs: 60_000,
      stalledIntervalMs: 30_000,
      keepBuilders: 3,
      attempts: 3,
      retryBaseMs: 1000,
      precompress: false,
      log: () => {},
    });
    portal = await startProvincePortal({ dataDir: join(dir, 'data'), communes: COMMUNES, domain: DOMAIN, port: 0, host: '127.0.0.1' });

    // The accounts file as an operator writes it: a page per commune that has one.
    const accountsFile = join(dir, 'accounts.json');
    const account = (graph: GraphStandIn) => ({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url, FACEBOOK_TIMEOUT_MS: '2000' });
    writeFileSync(accountsFile, JSON.stringify({ 'thanh-thuy': account(pages['thanh-thuy']), 'dao-xa': account(pages['dao-xa']) }));
    runner = startProvinceCrosspost({
      cmsUrl: cms.url,
      portalCheckUrl: portal.url,
      secret: cms.secrets.CROSSPOST_RUNNER_SECRET!,
      stateDir: join(dir, 'crosspost'),
      communes: COMMUNES,
      siteUrlOf: portalOf,
      accountsFile,
      // A page token in the environment is the province's mistake: no commune posts with it.
      env: { FACEBOOK_PAGE_ID: '999', FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAWrongPageForEveryone', CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: webhookSecret },
      log: (line) => logs.push(line),
    });

    pieces.thanhThuy = await publishArticle(api, 'Xã Thanh Thủy mở lớp kỹ năng số cho hội phụ nữ', ['facebook'], { commune: 'thanh-thuy' });
    pieces.daoXa = await publishArticle(api, 'Xã Đào Xá hướng dẫn thanh toán học phí không dùng tiền mặt', ['facebook'], { commune: 'dao-xa' });
    pieces.province = await publishArticle(api, 'Sở Văn hóa cảnh báo trang giả mạo Cổng dịch vụ công quốc gia', ['facebook'], { provinceWide: true });
    await waitFor('every post to be sent or set aside', async () => (await settled(pieces.thanhThuy.id)) && (await settled(pieces.daoXa.id)) && (await settled(pieces.province.id)), WAIT);
  }, 360_000);

  afterAll(async () => {
    await runner?.stop();
    await portal?.stop();
    await worker?.stop();
    await intake?.stop();
    await probe?.close();
    await cms?.stop();
    await redis?.remove();
    for (const page of Object.values(pages)) await page.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a commune’s piece goes to its own page, linking to its own portal, and to no other page', async () => {
    expect(postsOn('thanh-thuy', pieces.thanhThuy.slug).map((p) => p.link)).toEqual([`${portalOf('thanh-thuy')}/tin-tuc/${pieces.thanhThuy.slug}/`]);
    expect(postsOn('dao-xa', pieces.thanhThuy.slug)).toEqual([]);
    expect(postsOn('dao-xa', pieces.daoXa.slug).map((p) => p.link)).toEqual([`${portalOf('dao-xa')}/tin-tuc/${pieces.daoXa.slug}/`]);
    expect(postsOn('thanh-thuy', pieces.daoXa.slug)).toEqual([]);
    expect(logs.join('\n')).toContain('Bỏ qua FACEBOOK_PAGE_ID, FACEBOOK_PAGE_ACCESS_TOKEN');
  });

  it('a province-wide piece goes out once on every commune’s page, each linking to that commune’s portal', async () => {
    const { slug, id } = pieces.province;
    for (const commune of ['thanh-thuy', 'dao-xa']) expect(postsOn(commune, slug).map((p) => p.link), commune).toEqual([`${portalOf(commune)}/tin-tuc/${slug}/`]);
    const facebook = (await jobsOf(id)).filter((j) => j.channel === 'facebook');
    expect(facebook.map((j) => [j.commune, j.action, j.state]).sort()).toEqual([
      ['dao-xa', 'create', 'posted'],
      ['thanh-son', 'create', 'outbox'],
      ['thanh-thuy', 'create', 'posted'],
    ]);
    // Thanh Sơn has no page the runner may use: its officer gets a post to paste, with its own portal's link.
    const outbox = JSON.parse(facebook.find((j) => j.commune === 'thanh-son')!.payload!) as { link: string };
    expect(outbox.link).toBe(`${portalOf('thanh-son')}/tin-tuc/${slug}/`);
  });

  it('the installation’s webhook links a province-wide piece to the portal of a commune it is addressed to', async () => {
    // Addressed to Đào Xá only: the first commune served, Thanh Thủy, does not show it.
    const piece = await publishArticle(api, 'Sở Văn hóa gửi xã Đào Xá lịch tập huấn chữ ký số', [], { provinceWide: true, addressedTo: 'dao-xa' });
    const eventOf = () => receiver.accepted.map((a) => a.event as { data: { documentId: string; url: string } }).find((e) => e.data.documentId === piece.id);
    await waitFor('the webhook event of the piece', async () => Boolean(eventOf()), WAIT);
    expect(eventOf()!.data.url).toBe(`${portalOf('dao-xa')}/tin-tuc/${piece.slug}/`);
    expect((await getByHost(portal.url, `dao-xa.${DOMAIN}`, `/tin-tuc/${piece.slug}/`)).status).toBe(200);
    expect((await getByHost(portal.url, `thanh-thuy.${DOMAIN}`, `/tin-tuc/${piece.slug}/`)).status).toBe(404);
  }, WAIT + 30_000);

  it('a correction updates each commune’s post and posts nothing twice', async () => {
    const { id, slug } = pieces.province;
    const before = Object.fromEntries(['thanh-thuy', 'dao-xa'].map((c) => [c, postsOn(c, slug)[0].id]));
    expect((await api.update(ARTICLE, id, { summary: 'Bản đính chính: trang giả mạo dùng tên miền dichvucong-gov.vn, người dân không bấm vào.' })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await waitFor('the updates to be sent', async () => (await jobsOf(id)).filter((j) => j.channel === 'facebook' && j.action === 'update' && j.state === 'posted').length === 2, WAIT);
    for (const commune of ['thanh-thuy', 'dao-xa']) {
      const posts = postsOn(commune, slug);
      expect(posts.map((p) => p.id), commune).toEqual([before[commune]]);
      expect(posts[0].message, commune).toContain('dichvucong-gov.vn');
    }
    const creates = (await jobsOf(id)).filter((j) => j.channel === 'facebook' && j.action === 'create');
    expect(creates).toHaveLength(3);
  }, WAIT + 30_000);

  it('each commune’s portal lists its own post of a shared piece, and its token reads no other commune’s', async () => {
    const { id, slug } = pieces.province;
    for (const commune of ['thanh-thuy', 'dao-xa']) {
      const own = `https://www.facebook.com/${pages[commune].pageId}/posts/`;
      const shared = (await publicGet(cms, '/api/crosspost/shared?pagination[pageSize]=100', communeSiteToken(cms.siteToken, commune))).body.data as Array<{ pieceId: string; remoteUrl: string }>;
      const ofPiece = shared.filter((s) => s.pieceId === id);
      expect(ofPiece, commune).toHaveLength(1);
      expect(ofPiece[0].remoteUrl.startsWith(own), commune).toBe(true);
      // The post's announcement rebuilt that commune's portal, whose page links to it.
      await waitFor(`${commune}'s page to link to its post`, async () => (await getByHost(portal.url, `${commune}.${DOMAIN}`, `/tin-tuc/${slug}/`)).body.includes(ofPiece[0].remoteUrl), WAIT);
      const other = commune === 'dao-xa' ? 'thanh-thuy' : 'dao-xa';
      expect((await getByHost(portal.url, `${commune}.${DOMAIN}`, `/tin-tuc/${slug}/`)).body).not.toContain(`facebook.com/${pages[other].pageId}/`);
    }
  }, 2 * WAIT);

  it('the edit page shows the piece’s post on each commune’s account, named by the commune', async () => {
    const res = await api.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${pieces.province.id}/jobs`);
    expect(res.status).toBe(200);
    const entries = res.body.data.entries as Array<{ channel: string; commune: string | null; channelLabel: string; state: string }>;
    expect(entries.filter((e) => e.channel === 'facebook').map((e) => [e.channelLabel, e.state])).toEqual([
      ['Facebook · Xã Đào Xá', 'posted'],
      ['Facebook · Xã Thanh Sơn', 'outbox'],
      ['Facebook · Xã Thanh Thủy', 'posted'],
    ]);
  });

  it('the province’s report counts each post for the commune whose page made it', async () => {
    const [year, month] = localDay(new Date()).split('-').map(Number);
    const quarter = `${year}-Q${Math.ceil(month / 3)}`;
    const province = await publicGet(cms, `/api/report/province?quarter=${quarter}`, cms.secrets.REPORT_API_TOKEN);
    expect(province.status, JSON.stringify(province.body)).toBe(200);
    const facebook = Object.fromEntries((province.body.data.rows as Array<{ commune: string | null; posts: Record<string, number> }>).map((r) => [r.commune ?? 'tỉnh', r.posts.facebook]));
    // Its own piece and the province's fact-check, each on its own page; Thanh Sơn posted nothing
    // (its outbox post is not a post until an officer makes it), and the province has no page.
    expect(facebook).toEqual({ 'thanh-thuy': 2, 'dao-xa': 2, 'thanh-son': 0, 'tỉnh': 0 });
    const own = await publicGet(cms, `/api/report?quarter=${quarter}&commune=dao-xa`, cms.secrets.REPORT_API_TOKEN);
    const posts = own.body.data.socialPosts as Array<{ channel: string; url: string }>;
    expect(posts.filter((p) => p.channel === 'facebook').map((p) => p.url.startsWith(`https://www.facebook.com/${pages['dao-xa'].pageId}/posts/`))).toEqual([true, true]);
  });

  it('a repost goes out again on the one commune’s page it names', async () => {
    const { id, slug } = pieces.province;
    // Facebook refuses a post identical to the page's last one: Đào Xá posts something else first.
    const later = await publishArticle(api, 'Xã Đào Xá tổ chức ngày hội chuyển đổi số', ['facebook'], { commune: 'dao-xa' });
    await waitFor('the later piece to be posted', async () => postsOn('dao-xa', later.slug).length === 1, WAIT);
    const res = await api.request('POST', `/crosspost-panel/pieces/${ARTICLE}/${id}/channels/facebook/repost`, { commune: 'dao-xa' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await waitFor('the repost to be sent', async () => postsOn('dao-xa', slug).length === 2, WAIT);
    expect(postsOn('thanh-thuy', slug)).toHaveLength(1);
    const creates = (await jobsOf(id)).filter((j) => j.channel === 'facebook' && j.action === 'create');
    expect(creates.map((j) => [j.commune, j.state]).sort()).toEqual([
      ['dao-xa', 'posted'],
      ['dao-xa', 'posted'],
      ['thanh-son', 'outbox'],
      ['thanh-thuy', 'posted'],
    ]);
  }, WAIT + 30_000);

  it('a commune’s officer finds the province’s piece for their own page among the posts to make by hand, and records it', async () => {
    const superAdmin = api;
    const thanhSon = await userWithRole(cms, superAdmin, 'Biên tập viên (thanh-son)', 'bientap.thanhson@phutho.test');
    const daoXa = await userWithRole(cms, superAdmin, 'Biên tập viên (dao-xa)', 'bientap.daoxa@phutho.test');
    const { id, slug } = pieces.province;
    // A hundred newer outbox posts of another commune (as a hundred communes' posts of the
    // province's pieces would be) must not push Thanh Sơn's out of its officer's list.
    const db = await openDatabase(cms.databaseTarget);
    try {
      await db.query(
        `INSERT INTO crosspost_jobs (document_id, piece_uid, piece_id, channel, commune, action, state, payload, created_at, updated_at, published_at)
         SELECT 'khac' || n, 'api::article.article', 'bai-khac-' || n, 'zalo', 'thanh-thuy', 'create', 'outbox', '{}', now(), now(), now() FROM generate_series(1, 120) AS n`,
      );
    } finally {
      await db.close();
    }
    const waiting = (await thanhSon.request('GET', '/crosspost-panel/outbox')).body.data as Array<{ id: number; commune: string; channelLabel: string; outbox: { link: string; caption: string } }>;
    expect(waiting.map((e) => [e.commune, e.channelLabel, e.outbox.link])).toEqual([['thanh-son', 'Facebook · Xã Thanh Sơn', `${portalOf('thanh-son')}/tin-tuc/${slug}/`]]);
    expect((await thanhSon.request('GET', '/crosspost-panel/outbox')).body.meta).toEqual({ listed: 1, waiting: 1 });
    // The province's editor works with every commune's accounts: the newest hundred are listed,
    // and the widget says how many wait in all.
    const everyone = (await superAdmin.request('GET', '/crosspost-panel/outbox')).body.meta as { listed: number; waiting: number };
    expect(everyone.listed).toBe(100);
    expect(everyone.waiting).toBeGreaterThan(120);
    // Đào Xá posts through its API: nothing waits for its officer, and Thanh Sơn's post is not theirs.
    expect((await daoXa.request('GET', '/crosspost-panel/outbox')).body.data).toEqual([]);
    const url = 'https://www.facebook.com/ubndxathanhson/posts/pfbid02abc';
    expect((await daoXa.request('POST', `/crosspost-panel/jobs/${waiting[0].id}/posted-by-hand`, { url })).status).toBe(403);
    const marked = await thanhSon.request('POST', `/crosspost-panel/jobs/${waiting[0].id}/posted-by-hand`, { url });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect((await jobsOf(id)).find((j) => j.commune === 'thanh-son')).toMatchObject({ state: 'posted', remoteUrl: url });
    expect((await thanhSon.request('GET', '/crosspost-panel/outbox')).body.data).toEqual([]);
    // Its portal now links to the post, and no other commune's does.
    await waitFor('Thanh Sơn’s page to link to its post', async () => (await getByHost(portal.url, `thanh-son.${DOMAIN}`, `/tin-tuc/${slug}/`)).body.includes(url), WAIT);
    expect((await getByHost(portal.url, `dao-xa.${DOMAIN}`, `/tin-tuc/${slug}/`)).body).not.toContain(url);
  }, WAIT + 60_000);
});
