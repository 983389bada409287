import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { createFileTokenStore, createZaloChannel } from '../../scripts/crosspost/channels/zalo/index.ts';
import type { RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi, publicGet } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { waitFor } from '../rebuild/helpers/wait.ts';
import { rebuildHookRecorder, type RebuildHookRecorder } from './helpers/rebuild-hook-recorder.ts';
import { ARTICLE, LEDGER, SITE_URL, publishArticle, publishArticleWithCover, runnerFor, settle } from './helpers/runner-harness.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';
import { startZaloOaStandIn, type ZaloOaStandIn, zaloEnvOf } from './stand-ins/zalo-oa.ts';

interface Entry {
  id: number;
  channel: ChannelName;
  action: string;
  actionLabel: string;
  state: string;
  stateLabel: string;
  remoteUrl: string | null;
  removable: boolean;
}
interface Row {
  id: number;
  pieceId: string;
  channel: ChannelName;
  action: string;
  generation: number;
  state: string;
  remoteId: string | null;
  lastError: string | null;
}

// The real CMS and runner, a Graph API and a Zalo OA stand-in: removing a remote copy is an
// editor's explicit action from the edit page's panel, which the runner carries out once.
describe('an editor removes a remote copy on purpose', () => {
  let cms: TestCms;
  let graph: GraphStandIn;
  let oa: ZaloOaStandIn;
  let hook: RebuildHookRecorder;
  let tokenDir: string;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let deps: RunnerDeps;

  const panel = (api: AdminApi, pieceId: string) => api.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${pieceId}/jobs`);
  const entries = async (pieceId: string): Promise<Entry[]> => {
    const res = await panel(superAdmin, pieceId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data.entries;
  };
  const rows = async (pieceId: string): Promise<Row[]> => {
    const res = await superAdmin.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc&filters[pieceId][$eq]=${pieceId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results;
  };
  const createRow = async (pieceId: string, channel: ChannelName, generation = 0) =>
    (await rows(pieceId)).find((r) => r.channel === channel && r.action === 'create' && r.generation === generation)!;
  const removeRows = async (pieceId: string) => (await rows(pieceId)).filter((r) => r.action === 'remove');
  const shared = async () => {
    const res = await publicGet(cms, '/api/crosspost/shared', cms.siteToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data as Array<{ pieceId: string; channel: string; remoteUrl: string }>;
  };
  const remove = (api: AdminApi, jobId: number) => api.request('POST', `/crosspost-panel/jobs/${jobId}/remove`);
  const linkOf = (slug: string) => `${SITE_URL}/tin-tuc/${slug}/`;
  const postLinking = (slug: string) => graph.posts.filter((p) => p.link === linkOf(slug));

  beforeAll(async () => {
    hook = await rebuildHookRecorder();
    cms = await bootCms({ env: { WEBHOOK_URL: hook.url } });
    graph = await startFacebookGraph();
    oa = await startZaloOaStandIn();
    tokenDir = await mkdtemp(join(tmpdir(), 'go-bai-zalo-'));
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'bientap@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'lanhdao@thanhthuy.test');
    const facebook = createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: graph.token, FACEBOOK_GRAPH_URL: graph.url, FACEBOOK_TIMEOUT_MS: '3000' });
    const zalo = createZaloChannel(
      zaloEnvOf(oa),
      { tokenStore: createFileTokenStore(tokenDir), timeoutMs: 3_000 },
    );
    deps = runnerFor(cms, 'go-bai', [
      ['facebook', facebook],
      ['zalo', zalo],
    ]);
  });

  afterAll(async () => {
    await oa?.close();
    await graph?.close();
    await cms?.stop();
    await hook?.close();
    if (tokenDir) await rm(tokenDir, { recursive: true, force: true });
  });

  let firstPiece: { id: string; slug: string };

  it('only those who may publish remove a copy; the removal is queued once and the runner deletes the Facebook post', async () => {
    firstPiece = await publishArticle(superAdmin, 'Xã tổ chức ngày hội chuyển đổi số', ['facebook']);
    const { id, slug } = firstPiece;
    await settle(deps);
    const [post] = postLinking(slug);
    const job = await createRow(id, 'facebook');
    expect(job).toMatchObject({ state: 'posted', remoteId: post.id });
    expect((await entries(id)).find((e) => e.channel === 'facebook')).toMatchObject({ removable: true, stateLabel: 'Đã đăng' });
    expect((await panel(editor, id)).body.data.may).toEqual({ retry: true, markPosted: true, repost: false, remove: false });
    expect((await panel(reviewer, id)).body.data.may).toEqual({ retry: true, markPosted: true, repost: true, remove: true });

    const refused = await remove(editor, job.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Chỉ người được xuất bản tin bài (Lãnh đạo duyệt) mới được gỡ bài đã đăng trên mạng xã hội.');
    const queued = await remove(reviewer, job.id);
    expect(queued.status, JSON.stringify(queued.body)).toBe(200);
    expect(queued.body.data).toMatchObject({ state: 'pending', target: job.id });
    const twice = await remove(reviewer, job.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('Kênh này đang có một lần gửi hoặc gỡ bài chưa xong: hãy đợi xong rồi thử lại.');
    expect(await removeRows(id)).toHaveLength(1);
    expect((await entries(id)).filter((e) => e.channel === 'facebook').map((e) => [e.actionLabel, e.stateLabel, e.removable])).toEqual([
      ['Đăng bài', 'Đã đăng', false],
      ['Gỡ bài trên nền tảng', 'Chờ gửi', false],
    ]);
    // Nothing is deleted until the runner takes the job.
    expect(postLinking(slug)).toHaveLength(1);

    await settle(deps);
    expect(graph.deleted).toEqual([post.id]);
    expect(postLinking(slug)).toHaveLength(0);
    const deletes = graph.requests.filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatchObject({ path: `/v26.0/${post.id}`, accessToken: graph.token });
    expect((await entries(id)).filter((e) => e.channel === 'facebook')).toEqual([
      expect.objectContaining({ action: 'create', state: 'removed', stateLabel: 'Đã gỡ', removable: false }),
    ]);
    expect((await removeRows(id))[0]).toMatchObject({ state: 'removed', remoteId: post.id, lastError: null });
  });

  it('the portal’s “Đã chia sẻ trên” line drops the removed copy, and the worker is told to rebuild', async () => {
    const { id } = firstPiece;
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([]);
    // One event when the post appeared, one when it was removed.
    await waitFor('the removal’s shared-post event', async () => hook.sharedEvents().filter((e) => e.pieceId === id).length === 2, 10_000);
    expect(hook.sharedEvents().filter((e) => e.pieceId === id)).toEqual([
      expect.objectContaining({ pieceUid: ARTICLE, pieceId: id, channel: 'facebook' }),
      expect.objectContaining({ pieceUid: ARTICLE, pieceId: id, channel: 'facebook' }),
    ]);
  });

  it('after a removal, an edit sends nothing to Facebook and a deliberate repost posts again', async () => {
    const { id, slug } = firstPiece;
    const seen = graph.requests.length;
    expect((await superAdmin.update(ARTICLE, id, { summary: 'Sapo đã sửa sau khi gỡ bài trên Facebook.' })).status).toBe(200);
    expect((await superAdmin.publish(ARTICLE, id)).status).toBe(200);
    await settle(deps);
    expect(graph.requests.slice(seen)).toEqual([]);
    expect((await rows(id)).find((r) => r.channel === 'facebook' && r.action === 'update')).toMatchObject({ state: 'skipped' });

    const repost = await reviewer.request('POST', `/crosspost-panel/pieces/${ARTICLE}/${id}/channels/facebook/repost`);
    expect(repost.status, JSON.stringify(repost.body)).toBe(200);
    await settle(deps);
    const [again] = postLinking(slug);
    expect(again).toBeDefined();
    expect(await createRow(id, 'facebook', 1)).toMatchObject({ state: 'posted', remoteId: again.id });
    expect((await entries(id)).find((e) => e.channel === 'facebook')).toMatchObject({ stateLabel: 'Đã đăng', removable: true });
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([{ pieceId: id, channel: 'facebook', remoteUrl: expect.stringContaining(again.id.split('_')[1]) }]);
  });

  it('a removal targets the generation the editor chose: the newer post stays', async () => {
    const { id, slug } = await publishArticle(superAdmin, 'Lịch tiêm chủng mở rộng tháng 12', ['facebook']);
    await settle(deps);
    const older = await createRow(id, 'facebook', 0);
    // Another post in between, so the stand-in (like Facebook) does not refuse the repost as a duplicate.
    graph.seed([{ message: 'Thông báo khác của trang', link: 'https://example.vn/thong-bao-khac' }]);
    expect((await reviewer.request('POST', `/crosspost-panel/pieces/${ARTICLE}/${id}/channels/facebook/repost`)).status).toBe(200);
    await settle(deps);
    const newer = await createRow(id, 'facebook', 1);
    expect(newer.remoteId).not.toBe(older.remoteId);
    expect(postLinking(slug).map((p) => p.id).sort()).toEqual([older.remoteId, newer.remoteId].sort());

    expect((await remove(reviewer, older.id)).status).toBe(200);
    await settle(deps);
    expect(postLinking(slug).map((p) => p.id)).toEqual([newer.remoteId]);
    expect(await createRow(id, 'facebook', 0)).toMatchObject({ state: 'removed' });
    expect(await createRow(id, 'facebook', 1)).toMatchObject({ state: 'posted' });
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([{ pieceId: id, channel: 'facebook', remoteUrl: expect.stringContaining(newer.remoteId!.split('_')[1]) }]);
  });

  it('a removal whose answer was lost is retried and counts as removed, for a piece already unpublished', async () => {
    const { id, slug } = await publishArticle(superAdmin, 'Tin bị gỡ khỏi cổng rồi mới gỡ trên Facebook', ['facebook']);
    await settle(deps);
    const job = await createRow(id, 'facebook');
    expect((await superAdmin.unpublish(ARTICLE, id)).status).toBe(200);
    await settle(deps);
    graph.deleteThenFail();
    expect((await remove(reviewer, job.id)).status).toBe(200);
    await settle(deps);
    // The first DELETE removed the post and lost its answer; the retry found it gone.
    expect(graph.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${job.remoteId}`))).toHaveLength(2);
    expect(postLinking(slug)).toHaveLength(0);
    const [removal] = await removeRows(id);
    expect(removal).toMatchObject({ state: 'removed', lastError: 'Bài đã không còn trên nền tảng khi gỡ (có thể đã bị xóa bằng tay): ghi nhận là đã gỡ.' });
    expect(await createRow(id, 'facebook')).toMatchObject({ state: 'removed' });
  });

  it('a post already deleted by hand on Facebook counts as removed, not as a failure', async () => {
    const { id, slug } = await publishArticle(superAdmin, 'Bài trên trang đã bị xóa bằng tay', ['facebook']);
    await settle(deps);
    const job = await createRow(id, 'facebook');
    graph.posts.splice(graph.posts.indexOf(postLinking(slug)[0]), 1);
    expect((await remove(reviewer, job.id)).status).toBe(200);
    await settle(deps);
    expect((await removeRows(id))[0]).toMatchObject({ state: 'removed', lastError: expect.stringMatching(/^Bài đã không còn trên nền tảng/) });
    expect((await entries(id)).find((e) => e.channel === 'facebook')).toMatchObject({ stateLabel: 'Đã gỡ' });
  });

  it('only a Facebook or Zalo copy posted through the API can be removed', async () => {
    const outbox = runnerFor(cms, 'hop-thu', [['facebook', undefined]]);
    const { id } = await publishArticle(superAdmin, 'Tin chỉ đăng tay lên Facebook', ['facebook']);
    await settle(outbox);
    const webhook = (await rows(id)).find((r) => r.channel === 'webhook')!;
    const notRemovable = await remove(reviewer, webhook.id);
    expect(notRemovable.status).toBe(409);
    expect(notRemovable.body.error.message).toBe('Chỉ gỡ được bài đã đăng lên Facebook hoặc Zalo (trạng thái «Đã đăng»); việc này đang «Bỏ qua». Hãy tải lại trang.');
    const facebook = await createRow(id, 'facebook');
    expect(facebook.state).toBe('outbox');
    expect((await remove(reviewer, facebook.id)).status).toBe(409);
    expect((await reviewer.request('POST', `/crosspost-panel/jobs/${facebook.id}/posted-by-hand`, { url: 'https://www.facebook.com/xathanhthuy/posts/123' })).status).toBe(200);
    expect((await entries(id)).find((e) => e.channel === 'facebook')).toMatchObject({ stateLabel: 'Đã đăng', removable: false });
    const byHand = await remove(reviewer, facebook.id);
    expect(byHand.status).toBe(409);
    expect(byHand.body.error.message).toBe('Bài này được ghi nhận là đăng tay nên hệ thống không biết mã bài trên Facebook: hãy gỡ bài trực tiếp trên Facebook.');
    expect((await remove(reviewer, 987654)).status).toBe(404);
    expect(await removeRows(id)).toEqual([]);
  });

  it('a Zalo article is removed through the OA API, and a lost answer is retried harmlessly', async () => {
    const { id } = await publishArticleWithCover(superAdmin, 'Xã Thanh Thủy ra mắt trang Zalo OA', ['zalo']);
    await settle(deps);
    const job = await createRow(id, 'zalo');
    expect(job.state).toBe('posted');
    expect(oa.articles.has(job.remoteId!)).toBe(true);
    expect((await shared()).filter((s) => s.pieceId === id).map((s) => s.channel)).toEqual(['zalo']);

    oa.removeThenDrop();
    const queued = await remove(reviewer, job.id);
    expect(queued.status, JSON.stringify(queued.body)).toBe(200);
    await settle(deps);
    const calls = oa.calls('/v2.0/article/remove');
    expect(calls.map((c) => c.body)).toEqual([{ id: job.remoteId }, { id: job.remoteId }]);
    expect(calls.every((c) => c.headers.access_token === oa.initial.accessToken)).toBe(true);
    expect(oa.removed).toEqual([job.remoteId]);
    expect(oa.articles.has(job.remoteId!)).toBe(false);
    expect((await removeRows(id))[0]).toMatchObject({ state: 'removed', lastError: expect.stringMatching(/^Bài đã không còn trên nền tảng/) });
    expect((await entries(id)).find((e) => e.channel === 'zalo')).toMatchObject({ stateLabel: 'Đã gỡ', removable: false });
    expect((await shared()).filter((s) => s.pieceId === id)).toEqual([]);
  });
});
