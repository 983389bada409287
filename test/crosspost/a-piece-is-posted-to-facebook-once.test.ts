import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { publicationOf, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { ARTICLE, LEDGER, publishArticle, runnerFor, settle, SITE_URL } from './helpers/runner-harness.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';

// The real runner, the real CMS ledger and a Graph API stand-in on 127.0.0.1: whatever goes
// wrong between the call and the ledger write, the page gets one post per piece.
describe('a piece is posted to the commune’s Facebook page once', () => {
  let cms: TestCms;
  let api: AdminApi;
  let graph: GraphStandIn;
  let facebook: Channel;

  const runner = (name: string): RunnerDeps => runnerFor(cms, name, [['facebook', facebook]]);

  const jobsOf = async (pieceId: string) => {
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    return (res.body.results as Array<{ pieceId: string; channel: string; action: string; state: string; remoteId: string | null; attempts: number }>).filter(
      (r) => r.pieceId === pieceId && r.channel === 'facebook',
    );
  };
  const postsLinking = (slug: string) => graph.posts.filter((p) => p.link === `${SITE_URL}/tin-tuc/${slug}/`);

  const publish = (title: string) => publishArticle(api, title, ['facebook']);

  beforeAll(async () => {
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    graph = await startFacebookGraph();
    facebook = createFacebookChannel({
      FACEBOOK_PAGE_ID: graph.pageId,
      FACEBOOK_PAGE_ACCESS_TOKEN: graph.token,
      FACEBOOK_GRAPH_URL: graph.url,
      FACEBOOK_TIMEOUT_MS: '500',
    })!;
  });

  afterAll(async () => {
    await graph?.close();
    await cms?.stop();
  });

  it('posts the caption with the portal link, and records the remote post in the ledger', async () => {
    const { id, slug } = await publish('Xã Thanh Thủy ra mắt trợ lý ảo hỗ trợ thủ tục hành chính');
    await settle(runner('r1'));
    const [post] = postsLinking(slug);
    expect(postsLinking(slug)).toHaveLength(1);
    expect(post!.message).toContain('Xã Thanh Thủy ra mắt trợ lý ảo hỗ trợ thủ tục hành chính');
    const [job] = await jobsOf(id);
    expect(job).toMatchObject({ action: 'create', state: 'posted', remoteId: post!.id });
  });

  it('two runners at once never send the same job', async () => {
    const pieces = [];
    for (let i = 1; i <= 6; i += 1) pieces.push(await publish(`Tin thử nghiệm chạy song song số ${i}`));
    await Promise.all([settle(runner('song-song-a')), settle(runner('song-song-b'))]);
    for (const { id, slug } of pieces) {
      expect(postsLinking(slug), slug).toHaveLength(1);
      expect((await jobsOf(id)).map((j) => j.state)).toEqual(['posted']);
    }
  });

  it('of twenty runners claiming at the same moment, each job goes to exactly one', async () => {
    await settle(runner('don-dep'));
    const { id } = await publish('Kiểm thử nhận việc đồng thời');
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, `dong-thoi-${i}`).claim(60_000)),
    );
    const won = claims.filter((c) => c !== null).map((c) => c!.job);
    // The piece's two jobs (Facebook and the webhook), each claimed once.
    expect(won.map((j) => j.pieceId)).toEqual([id, id]);
    expect(new Set(won.map((j) => j.id)).size).toBe(2);
  });

  it('a 500 after Facebook stored the post is reconciled, not posted again', async () => {
    graph.commitThenFail(1);
    const { id, slug } = await publish('Hội nghị sơ kết chuyển đổi số quý III');
    await settle(runner('r2'));
    expect(postsLinking(slug)).toHaveLength(1);
    const [job] = await jobsOf(id);
    expect(job).toMatchObject({ state: 'posted', remoteId: postsLinking(slug)[0]!.id });
  });

  it('a runner that dies between Facebook’s answer and the ledger write is not followed by a second post', async () => {
    const { id, slug } = await publish('Chuyển đổi số trong trường học trên địa bàn xã');
    // Runner A claims the job with a short lease, posts, and dies before recording anything.
    const doomed = new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'se-chet');
    const claim = (await doomed.claim(1_000))!;
    expect(claim.job.pieceId).toBe(id);
    await facebook.create(publicationOf(claim.piece!, 'facebook', runner('x')), { saved: {}, save: async () => {} });
    expect(postsLinking(slug)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_100));
    await settle(runner('r3'));
    expect(postsLinking(slug)).toHaveLength(1);
    expect((await jobsOf(id))[0]).toMatchObject({ state: 'posted', remoteId: postsLinking(slug)[0]!.id });
  });

  it('an edit of a published piece updates the Facebook post instead of posting again', async () => {
    const { id, slug } = await publish('Lịch tiếp công dân trực tuyến tháng 12');
    await settle(runner('r4'));
    const edited = await api.update(ARTICLE, id, { summary: 'Lịch đã đổi: tiếp công dân vào thứ Năm hằng tuần.' });
    expect(edited.status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle(runner('r4'));
    expect(postsLinking(slug)).toHaveLength(1);
    expect(postsLinking(slug)[0]!.message).toContain('Lịch đã đổi: tiếp công dân vào thứ Năm hằng tuần.');
    expect((await jobsOf(id)).map((j) => [j.action, j.state])).toEqual([
      ['create', 'posted'],
      ['update', 'posted'],
    ]);
  });

  it('an expired page token stops the job with a Vietnamese message for the editor, without retrying', async () => {
    graph.failNext({ status: 400, code: 190, message: 'Error validating access token: Session has expired' }, 1);
    const { id } = await publish('Thông báo lịch cắt điện để bảo trì trạm biến áp');
    await settle(runner('r5'));
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    const job = (res.body.results as Array<{ pieceId: string; channel: string; state: string; lastError: string; attempts: number }>).find(
      (r) => r.pieceId === id && r.channel === 'facebook',
    )!;
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.lastError).toMatch(/Mã truy cập|Facebook/);
    expect(job.lastError).not.toContain(graph.token);
  });
});
