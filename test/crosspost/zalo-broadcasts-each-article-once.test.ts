import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileTokenStore, createZaloChannel } from '../../scripts/crosspost/channels/zalo/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { processClaim, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { ARTICLE, LEDGER, publishArticleWithCover, runnerFor, settle } from './helpers/runner-harness.ts';
import { startZaloOaStandIn, type ZaloOaStandIn, zaloEnvOf } from './stand-ins/zalo-oa.ts';

interface Row {
  id: number;
  channel: string;
  action: string;
  state: string;
  remoteId: string | null;
  lastError: string | null;
}

const UNKNOWN = /^Không rõ thông báo bài viết đã tới người quan tâm Zalo OA hay chưa/;

// The real CMS and runner against the Zalo OA stand-in with ZALO_BROADCAST=true: each new
// article is announced to the OA's followers once, whatever happens after.
describe('Zalo broadcasts each article to its followers once', () => {
  let cms: TestCms;
  let oa: ZaloOaStandIn;
  let tokenDir: string;
  let api: AdminApi;
  let deps: RunnerDeps;

  const zaloWith = (extra: Record<string, string>) =>
    createZaloChannel(
      {
        ...zaloEnvOf(oa),
        ...extra,
      },
      { tokenStore: createFileTokenStore(tokenDir), timeoutMs: 3_000 },
    );
  const rows = async (pieceId: string): Promise<Row[]> => {
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc&filters[pieceId][$eq]=${pieceId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results;
  };
  const zaloRow = async (pieceId: string, action: string) => (await rows(pieceId)).find((r) => r.channel === 'zalo' && r.action === action);
  const broadcastsOf = (articleId: string | null) => oa.broadcasts.filter((b) => b.articleId === articleId);

  beforeAll(async () => {
    cms = await bootCms();
    oa = await startZaloOaStandIn();
    tokenDir = await mkdtemp(join(tmpdir(), 'zalo-broadcast-'));
    api = new AdminApi(cms, cms.adminToken);
    deps = runnerFor(cms, 'thong-bao', [['zalo', zaloWith({ ZALO_BROADCAST: 'true' })]]);
  });

  afterAll(async () => {
    await oa?.close();
    await cms?.stop();
    if (tokenDir) await rm(tokenDir, { recursive: true, force: true });
  });

  it('a new article is announced once, with the article as the message, and an edit or a republish announces nothing more', async () => {
    const { id } = await publishArticleWithCover(api, 'Xã mở lớp bình dân học vụ số cho người cao tuổi', ['zalo']);
    await settle(deps);
    const article = await zaloRow(id, 'create');
    expect(article).toMatchObject({ state: 'posted' });
    const [sent] = broadcastsOf(article!.remoteId);
    expect(oa.broadcasts.filter((b) => b.articleId === article!.remoteId)).toHaveLength(1);
    const call = oa.calls('/v2.0/oa/message').at(-1)!;
    expect(call.body).toEqual({
      recipient: { target: {} },
      message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: article!.remoteId }] } } },
    });
    expect(await zaloRow(id, 'broadcast')).toMatchObject({ state: 'posted', remoteId: sent.messageId });

    expect((await api.update(ARTICLE, id, { summary: 'Sapo sửa lại sau khi đã gửi thông báo.' })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    expect((await api.unpublish(ARTICLE, id)).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle(deps);
    expect((await rows(id)).filter((r) => r.channel === 'zalo' && r.action === 'update').map((r) => r.state)).toContain('posted');
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    expect((await rows(id)).filter((r) => r.action === 'broadcast')).toHaveLength(1);
  });

  it('a broadcast whose answer was lost stops for a person and is never sent again, even on “Thử lại”', async () => {
    const { id } = await publishArticleWithCover(api, 'Lịch tiếp công dân của Chủ tịch UBND xã tháng 12', ['zalo']);
    oa.broadcastThenDrop();
    await settle(deps);
    const article = await zaloRow(id, 'create');
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    const broadcast = (await zaloRow(id, 'broadcast'))!;
    expect(broadcast.state).toBe('review');
    expect(broadcast.lastError).toMatch(UNKNOWN);

    expect((await api.request('POST', `/crosspost-panel/jobs/${broadcast.id}/retry`)).status).toBe(200);
    await settle(deps);
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    expect(await zaloRow(id, 'broadcast')).toMatchObject({ state: 'review', lastError: expect.stringMatching(UNKNOWN) });
  });

  it('a runner that dies after the broadcast, before the ledger write, does not broadcast again', async () => {
    const { id } = await publishArticleWithCover(api, 'Hướng dẫn nộp hồ sơ trực tuyến mức độ toàn trình', ['zalo']);
    // The article is posted; its broadcast job waits.
    const first = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET!, 'se-chet');
    let claim = await first.claim(60_000);
    while (claim && !(claim.job.pieceId === id && claim.job.action === 'broadcast')) {
      await first.record(claim.job.id, await processClaim(claim, { ...deps, ledger: first }));
      claim = await first.claim(1_000);
    }
    expect(claim?.job.action).toBe('broadcast');
    // This runner sends the broadcast and dies before recording it; its one-second lease runs out.
    await processClaim(claim!, { ...deps, ledger: first });
    const article = await zaloRow(id, 'create');
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await settle(deps);
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    // The message id was saved with the step: the recovered job records it as sent.
    expect(await zaloRow(id, 'broadcast')).toMatchObject({ state: 'posted', remoteId: broadcastsOf(article!.remoteId)[0].messageId });
  });

  it('a runner that dies during the broadcast call leaves it for a person, never sending it again', async () => {
    const { id } = await publishArticleWithCover(api, 'Kế hoạch phòng chống rét cho trâu bò vụ đông', ['zalo']);
    const first = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET!, 'chet-giua-chung');
    let claim = await first.claim(60_000);
    while (claim && !(claim.job.pieceId === id && claim.job.action === 'broadcast')) {
      await first.record(claim.job.id, await processClaim(claim, { ...deps, ledger: first }));
      claim = await first.claim(1_000);
    }
    // The process dies while the call is in flight: the step is marked, the answer never read.
    oa.broadcastThenDrop();
    await first.saveProgress(claim!.job.id, { broadcast: 'started' });
    await zaloWith({ ZALO_BROADCAST: 'true' })!.broadcast!({ remoteId: claim!.job.remoteId!, remoteUrl: '' }).catch((error: Error) => error);
    const article = await zaloRow(id, 'create');
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await settle(deps);
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    expect(await zaloRow(id, 'broadcast')).toMatchObject({ state: 'review', lastError: expect.stringMatching(UNKNOWN) });
  });

  it('a broadcast Zalo refused sent nothing, so “Thử lại” sends it, once', async () => {
    const { id } = await publishArticleWithCover(api, 'Thông báo tuyển dụng viên chức trạm y tế xã', ['zalo']);
    oa.refuseNextBroadcast();
    await settle(deps);
    const article = await zaloRow(id, 'create');
    const refused = (await zaloRow(id, 'broadcast'))!;
    expect(refused).toMatchObject({ state: 'failed', lastError: expect.stringContaining('recipient.target is invalid') });
    expect(broadcastsOf(article!.remoteId)).toHaveLength(0);
    expect((await api.request('POST', `/crosspost-panel/jobs/${refused.id}/retry`)).status).toBe(200);
    await settle(deps);
    expect(broadcastsOf(article!.remoteId)).toHaveLength(1);
    expect(await zaloRow(id, 'broadcast')).toMatchObject({ state: 'posted' });
  });

  it('without ZALO_BROADCAST no broadcast is queued', async () => {
    const quiet = runnerFor(cms, 'khong-thong-bao', [['zalo', zaloWith({})]]);
    const { id } = await publishArticleWithCover(api, 'Tin đăng Zalo không gửi thông báo', ['zalo']);
    await settle(quiet);
    const article = await zaloRow(id, 'create');
    expect(article).toMatchObject({ state: 'posted' });
    expect((await rows(id)).filter((r) => r.action === 'broadcast')).toEqual([]);
    expect(broadcastsOf(article!.remoteId)).toHaveLength(0);
  });
});
