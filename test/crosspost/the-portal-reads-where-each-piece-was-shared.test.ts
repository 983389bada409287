import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captionFor } from '../../scripts/crosspost/caption.ts';
import type { Channel, ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { createWebhookChannel } from '../../scripts/crosspost/channels/webhook/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { drain, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { startSyntheticCms } from '../../scripts/bench/synthetic-cms.ts';
import { affectsSite } from '../../scripts/rebuild/intake/affects-site.ts';
import { fetchSharedPosts } from '../../site/src/loaders/shared-posts.ts';
import { parseWebhookPayload } from '../../scripts/rebuild/intake/webhook-payload.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { rebuildHookRecorder, type RebuildHookRecorder } from './helpers/rebuild-hook-recorder.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';
import { startWebhookReceiver, type WebhookReceiver } from './stand-ins/webhook-receiver.ts';

const ARTICLE = 'api::article.article';
const LEDGER = 'api::crosspost-job.crosspost-job';
const SITE_URL = 'https://thanhthuy.example.gov.vn';

// The real CMS, the real runner, a Graph API stand-in and a webhook receiver: the portal's token
// reads where each published piece was shared, and the portal is told to rebuild when a link
// appears, not at every ledger write.
describe('the portal reads where each piece was shared', () => {
  let cms: TestCms;
  let api: AdminApi;
  let graph: GraphStandIn;
  let receiver: WebhookReceiver;
  let hook: RebuildHookRecorder;
  let deps: RunnerDeps;
  const secret = `whsec_${randomBytes(24).toString('base64')}`;

  const shared = async () => {
    const res = await publicGet(cms, '/api/crosspost/shared', cms.siteToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data as Array<{ pieceId: string; channel: string; remoteUrl: string }>;
  };
  const settle = async () => {
    for (let i = 0; i < 10; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      if ((await drain(deps)) === 0) return;
    }
  };
  const sharedEvents = () => hook.sharedEvents();
  /** The public address of the page's post linking to the piece (page id, then post number). */
  const facebookUrlOf = (slug: string) => {
    const [pageId, postId] = graph.posts.find((p) => p.link === `${SITE_URL}/tin-tuc/${slug}/`)!.id.split('_');
    return `https://www.facebook.com/${pageId}/posts/${postId}`;
  };

  async function publish(title: string, channels: string[]): Promise<{ id: string; slug: string }> {
    const created = await api.create(ARTICLE, {
      ...articleFields,
      title,
      themes: connect(await api.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await api.ids('unit', ['phong-vhxh'])),
      channels: connect(await api.ids('channel', channels)),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    return { id, slug: created.body.data.slug };
  }

  beforeAll(async () => {
    hook = await rebuildHookRecorder();
    cms = await bootCms({ env: { WEBHOOK_URL: hook.url } });
    api = new AdminApi(cms, cms.adminToken);
    graph = await startFacebookGraph();
    receiver = await startWebhookReceiver(secret);
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url })!;
    deps = {
      ledger: new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'chia-se'),
      // Zalo without credentials: outbox mode, nothing public to link to.
      channels: new Map<ChannelName, Channel | undefined>([
        ['facebook', facebook],
        ['zalo', undefined],
        ['webhook', createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: secret })],
      ]),
      siteUrl: SITE_URL,
      cmsUrl: cms.url,
      isLive: async () => true,
      caption: captionFor,
      retryBaseMs: 1,
    };
  });

  afterAll(async () => {
    await receiver?.close();
    await graph?.close();
    await cms?.stop();
    await hook?.close();
  });

  it('anonymous callers are refused', async () => {
    const res = await publicGet(cms, '/api/crosspost/shared');
    // Strapi answers 401 to a caller without credentials whose public role lacks the action.
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('facebook');
    expect((await publicGet(cms, '/api/crosspost/shared', 'not-a-token')).status).toBe(401);
  });

  it('lists only posted social copies, not the webhook nor an outbox job, and tells the worker once', async () => {
    const { id, slug } = await publish('Xã Thanh Thủy chia sẻ tin lên trang Facebook', ['facebook', 'zalo']);
    await settle();
    const { body } = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    const states = (body.results as Array<{ pieceId: string; channel: string; state: string }>).filter((r) => r.pieceId === id).map((r) => `${r.channel}:${r.state}`);
    expect(states.sort()).toEqual(['facebook:posted', 'webhook:posted', 'zalo:outbox']);

    const mine = (await shared()).filter((s) => s.pieceId === id);
    expect(mine).toEqual([{ pieceId: id, channel: 'facebook', remoteUrl: facebookUrlOf(slug) }]);

    await waitFor('the shared-post event', async () => sharedEvents().some((e) => e.pieceId === id), 10_000);
    expect(sharedEvents().filter((e) => e.pieceId === id)).toEqual([expect.objectContaining({ pieceUid: ARTICLE, pieceId: id, channel: 'facebook' })]);
  });

  it('the rebuild worker treats the event as a change of the piece, and a ledger write as nothing', async () => {
    const event = sharedEvents().at(-1);
    const parsed = parseWebhookPayload(event);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(affectsSite(parsed.event)).toEqual({ affects: true, change: { key: `${ARTICLE}:${(event as { pieceId: string }).pieceId}`, event: 'crosspost.shared' } });
    // No entry.* event of the ledger ever reaches the worker: claims and retries rebuild nothing.
    expect(hook.received.filter((b) => (b as { uid?: string }).uid === LEDGER)).toEqual([]);
  });

  it('a deliberate repost replaces the link with the newest generation’s', async () => {
    const { id } = await publish('Thông báo lịch tiếp công dân tháng 12', ['facebook']);
    await settle();
    const first = (await shared()).find((s) => s.pieceId === id)!.remoteUrl;
    // A second generation of the create job, as the editor's repost queues it, recorded through
    // the runner's ledger client (the Graph stand-in, like Facebook, refuses an identical message).
    const repost = await api.create(LEDGER, { pieceUid: ARTICLE, pieceId: id, channel: 'facebook', action: 'create', generation: 1, state: 'pending', attempts: 0 });
    expect(repost.status, JSON.stringify(repost.body)).toBe(201);
    const client = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'dang-lai');
    const claim = await client.claim(60_000);
    expect(claim?.job).toMatchObject({ pieceId: id, generation: 1 });
    const again = `https://www.facebook.com/${graph.pageId}/posts/9999`;
    expect(await client.record(claim!.job.id, { outcome: 'posted', remoteId: `${graph.pageId}_9999`, remoteUrl: again })).toBe(true);
    expect(first).not.toBe(again);
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([{ pieceId: id, channel: 'facebook', remoteUrl: again }]);
    await waitFor('the repost’s shared-post event', async () => sharedEvents().filter((e) => e.pieceId === id).length === 2, 10_000);
  });

  it('a post recorded by hand from the outbox (Đã đăng tay) is listed and tells the worker', async () => {
    const { id } = await publish('Tin đăng tay lên Zalo', ['zalo']);
    await settle();
    const { body } = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    const zalo = (body.results as Array<{ id: number; pieceId: string; channel: string; state: string }>).find((r) => r.pieceId === id && r.channel === 'zalo')!;
    expect(zalo.state).toBe('outbox');
    const url = 'https://zalo.me/4399999999/bai-dang-tay';
    const res = await api.request('POST', `/crosspost-panel/jobs/${zalo.id}/posted-by-hand`, { url });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([{ pieceId: id, channel: 'zalo', remoteUrl: url }]);
    await waitFor('the hand-posted link’s event', async () => sharedEvents().some((e) => e.pieceId === id && e.channel === 'zalo'), 10_000);
  });

  it('a withdrawn piece’s post is not listed', async () => {
    const { id } = await publish('Tin sẽ bị gỡ khỏi cổng thông tin', ['facebook']);
    await settle();
    expect((await shared()).map((s) => s.pieceId)).toContain(id);
    expect((await api.unpublish(ARTICLE, id)).status).toBe(200);
    await settle();
    expect((await shared()).map((s) => s.pieceId)).not.toContain(id);
  });

  it('the list comes a page at a time with its total, and refuses a page larger than the maximum', async () => {
    const all = await shared();
    const pages = async (pageSize: number) => {
      const rows: unknown[] = [];
      for (let page = 1; ; page += 1) {
        const res = await publicGet(cms, `/api/crosspost/shared?pagination[page]=${page}&pagination[pageSize]=${pageSize}`, cms.siteToken);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.meta.pagination).toEqual({ page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length });
        expect(res.body.data.length).toBeLessThanOrEqual(pageSize);
        if (res.body.data.length === 0) return rows;
        rows.push(...res.body.data);
      }
    };
    expect(all.length).toBeGreaterThan(2);
    expect(await pages(2)).toEqual(all);
    const tooLarge = await publicGet(cms, '/api/crosspost/shared?pagination[pageSize]=1001', cms.siteToken);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.message).toMatch(/pageSize at most 1000/);
  });

  it('more rows than one page all reach the portal’s reader', async () => {
    // Four channels each for six published pieces, recorded as the runner records posts.
    const pieces = [];
    for (let i = 1; i <= 6; i += 1) pieces.push(await publish(`Tin thứ ${i} đã chia sẻ lên bốn kênh`, []));
    const channels = ['facebook', 'zalo', 'youtube', 'tiktok'] as const;
    for (const { id } of pieces) {
      for (const channel of channels) {
        const row = await api.create(LEDGER, { pieceUid: ARTICLE, pieceId: id, channel, action: 'create', generation: 0, state: 'posted', attempts: 1, remoteId: `${channel}-${id}`, remoteUrl: `https://${channel}.example.com/${id}` });
        expect(row.status, JSON.stringify(row.body)).toBe(201);
      }
    }
    const total = (await publicGet(cms, '/api/crosspost/shared', cms.siteToken)).body.meta.pagination.total as number;
    expect(total).toBeGreaterThanOrEqual(24);
    const pageSize = 5;
    expect(Math.ceil(total / pageSize)).toBeGreaterThan(4);
    const reader = await fetchSharedPosts({ url: cms.url, token: cms.siteToken }, pageSize);
    for (const { id } of pieces) expect(reader.of(id)).toEqual(channels.map((channel) => ({ channel, url: `https://${channel}.example.com/${id}` })));
    const everyRow = await shared();
    expect(everyRow.length).toBe(total);
    for (const row of everyRow) expect(reader.of(row.pieceId)).toContainEqual({ channel: row.channel, url: row.remoteUrl });
    expect(reader.rejected).toEqual([]);
  });

  it('the portal’s reader also reads the synthetic CMS the benchmarks build against', async () => {
    const synthetic = await startSyntheticCms({ count: 2, images: 0 });
    try {
      const reader = await fetchSharedPosts({ url: synthetic.url, token: synthetic.token });
      expect(reader.rejected).toEqual([]);
      expect(reader.of('any')).toEqual([]);
    } finally {
      await synthetic.stop();
    }
  });
});
