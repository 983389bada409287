import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captionFor } from '../../scripts/crosspost/caption.ts';
import type { Channel, ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { LedgerClient } from '../../scripts/crosspost/ledger-client.ts';
import { drain, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi, connect } from '../helpers/admin-api.ts';
import { userWithRole } from '../helpers/admin-users.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { articleFields } from '../fixtures/entries.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';

const ARTICLE = 'api::article.article';
const SITE_URL = 'https://thanhthuy.example.gov.vn';

interface Entry {
  id: number;
  channel: ChannelName;
  action: string;
  state: string;
  stateLabel: string;
  channelLabel: string;
  remoteUrl: string | null;
  lastError: string | null;
  outbox: { caption: string; link: string; imageUrl?: string | null } | null;
}

// The admin routes behind the edit page's "Chia sẻ lên mạng xã hội" panel, over real HTTP with
// real admin users of each role, on a ledger the real runner wrote: Facebook refuses the page's
// token (lỗi), Zalo has no credentials (hộp thư chờ), no webhook is configured (bỏ qua).
describe('the edit page shows where a piece went, and who may act on it', () => {
  let cms: TestCms;
  let graph: GraphStandIn;
  let superAdmin: AdminApi;
  let editor: AdminApi;
  let reviewer: AdminApi;
  let outsider: AdminApi;
  let pieceId: string;

  const runner = (facebook: Channel): RunnerDeps => ({
    ledger: new LedgerClient(cms.url, cms.secrets.CROSSPOST_RUNNER_SECRET, 'kiem-thu-bang'),
    channels: new Map<ChannelName, Channel | undefined>([['facebook', facebook]]),
    siteUrl: SITE_URL,
    cmsUrl: cms.url,
    isLive: async () => true,
    caption: captionFor,
    retryBaseMs: 1,
  });
  const facebookWith = (token: string) =>
    createFacebookChannel({ FACEBOOK_PAGE_ID: graph.pageId, FACEBOOK_PAGE_ACCESS_TOKEN: token, FACEBOOK_GRAPH_URL: graph.url, FACEBOOK_TIMEOUT_MS: '2000' })!;

  const panel = (api: AdminApi, documentId = pieceId) => api.request('GET', `/crosspost-panel/pieces/${ARTICLE}/${documentId}/jobs`);
  const entries = async (): Promise<Entry[]> => {
    const res = await panel(superAdmin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data.entries as Entry[];
  };
  const entryOf = async (channel: ChannelName) => (await entries()).find((e) => e.channel === channel && e.action === 'create')!;

  beforeAll(async () => {
    cms = await bootCms();
    graph = await startFacebookGraph();
    superAdmin = new AdminApi(cms, cms.adminToken);
    editor = await userWithRole(cms, superAdmin, 'Biên tập viên', 'bientap@thanhthuy.test');
    reviewer = await userWithRole(cms, superAdmin, 'Lãnh đạo duyệt', 'lanhdao@thanhthuy.test');
    // A role that may not open pieces in the content manager at all.
    expect((await superAdmin.request('POST', '/admin/roles', { name: 'Khách', description: 'Không xem tin bài.' })).status).toBe(201);
    outsider = await userWithRole(cms, superAdmin, 'Khách', 'khach@thanhthuy.test');

    const created = await superAdmin.create(ARTICLE, {
      ...articleFields,
      title: 'Xã ra mắt tổ công nghệ số cộng đồng',
      themes: connect(await superAdmin.ids('theme', ['y-nghia-ke-hoach'])),
      unit: connect(await superAdmin.ids('unit', ['phong-vhxh'])),
      channels: connect(await superAdmin.ids('channel', ['facebook', 'zalo'])),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pieceId = created.body.data.documentId;
    expect((await superAdmin.review(ARTICLE, pieceId, 'submit')).status).toBe(200);
    expect((await reviewer.review(ARTICLE, pieceId, 'approve')).status).toBe(200);
    expect((await reviewer.publish(ARTICLE, pieceId)).status).toBe(200);
    expect(await drain(runner(facebookWith('EAAWrongToken')))).toBe(3);
  });

  afterAll(async () => {
    await graph?.close();
    await cms?.stop();
  });

  it('every role that may read the piece sees each channel’s state in Vietnamese', async () => {
    for (const api of [editor, reviewer, superAdmin]) {
      const res = await panel(api);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const shown = (res.body.data.entries as Entry[]).map((e) => [e.channelLabel, e.stateLabel]);
      expect(shown).toEqual([
        ['Facebook', 'Lỗi'],
        ['Zalo', 'Hộp thư chờ'],
        ['Webhook (cổng tỉnh và nơi khác)', 'Bỏ qua'],
      ]);
    }
    const [facebook, zalo] = (await panel(editor)).body.data.entries as Entry[];
    expect(facebook!.lastError).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    expect(zalo!.outbox!.link).toBe(`${SITE_URL}/tin-tuc/xa-ra-mat-to-cong-nghe-so-cong-dong/`);
    expect(zalo!.outbox!.caption).toContain(zalo!.outbox!.link);
  });

  it('the panel tells each role what it may do: editors retry, only those who may publish repost or remove', async () => {
    expect((await panel(editor)).body.data.may).toEqual({ retry: true, markPosted: true, repost: false, remove: false });
    expect((await panel(reviewer)).body.data.may).toEqual({ retry: true, markPosted: true, repost: true, remove: true });
    expect((await panel(superAdmin)).body.data.may).toEqual({ retry: true, markPosted: true, repost: true, remove: true });
  });

  it('someone who may not read the piece, or is not signed in, sees nothing of its ledger', async () => {
    const refused = await panel(outsider);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Tài khoản của bạn không được xem tin bài này, nên cũng không xem được nơi nó đã chia sẻ.');
    expect(JSON.stringify(refused.body)).not.toContain('outbox');
    const anonymous = await fetch(`${cms.url}/crosspost-panel/pieces/${ARTICLE}/${pieceId}/jobs`);
    expect(anonymous.status).toBe(401);
    const facebook = await entryOf('facebook');
    expect((await outsider.request('POST', `/crosspost-panel/jobs/${facebook.id}/retry`)).status).toBe(403);
    expect((await entryOf('facebook')).state).toBe('failed');
  });

  it('the ledger of a content type that is not cross-posted is refused in Vietnamese', async () => {
    const res = await superAdmin.request('GET', `/crosspost-panel/pieces/api::theme.theme/${pieceId}/jobs`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Không rõ tin bài cần xem/);
  });

  it('an editor retries a failed job: it waits to be sent again, and the runner posts it', async () => {
    const facebook = await entryOf('facebook');
    const retried = await editor.request('POST', `/crosspost-panel/jobs/${facebook.id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect((await entryOf('facebook')).stateLabel).toBe('Chờ gửi');
    const again = await editor.request('POST', `/crosspost-panel/jobs/${facebook.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('«Chờ gửi»');
    await drain(runner(facebookWith(graph.token)));
    const posted = await entryOf('facebook');
    expect([posted.stateLabel, posted.remoteUrl]).toEqual(['Đã đăng', expect.stringMatching(/^https:\/\/www\.facebook\.com\//)]);
    expect(graph.posts.filter((p) => p.link === `${SITE_URL}/tin-tuc/xa-ra-mat-to-cong-nghe-so-cong-dong/`)).toHaveLength(1);
  });

  it('a deliberate repost is refused to an editor and queued once for a reviewer', async () => {
    const path = `/crosspost-panel/pieces/${ARTICLE}/${pieceId}/channels/facebook/repost`;
    const refused = await editor.request('POST', path);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Chỉ người được xuất bản tin bài (Lãnh đạo duyệt) mới được đăng lại lên mạng xã hội.');
    const queued = await reviewer.request('POST', path);
    expect(queued.status, JSON.stringify(queued.body)).toBe(200);
    expect(queued.body.data).toMatchObject({ state: 'pending', generation: 1 });
    const twice = await reviewer.request('POST', path);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/^Kênh này đang có một lần gửi chờ/);
    expect((await entryOf('facebook')).stateLabel).toBe('Chờ gửi');
    const never = await reviewer.request('POST', `/crosspost-panel/pieces/${ARTICLE}/${pieceId}/channels/tiktok/repost`);
    expect(never.status).toBe(409);
  });

  it('"Đã đăng tay" records the link of a post made by hand, and only a web link', async () => {
    const zalo = await entryOf('zalo');
    const path = `/crosspost-panel/jobs/${zalo.id}/posted-by-hand`;
    for (const url of ['javascript:alert(1)', 'zalo.me/bai-viet', 'ftp://oa.zalo.me/bai', '', 42]) {
      const res = await editor.request('POST', path, { url });
      expect(res.status, String(url)).toBe(400);
      expect(res.body.error.message).toMatch(/^Địa chỉ bài đã đăng phải là một liên kết đầy đủ bắt đầu bằng http:\/\/ hoặc https:\/\//);
    }
    expect((await entryOf('zalo')).state).toBe('outbox');
    const url = 'https://oa.zalo.me/bai-viet/123456';
    const recorded = await editor.request('POST', path, { url });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(await entryOf('zalo')).toMatchObject({ stateLabel: 'Đã đăng', remoteUrl: url, outbox: null });
    const again = await editor.request('POST', path, { url: 'https://oa.zalo.me/bai-viet/khac' });
    expect(again.status).toBe(409);
    expect((await entryOf('zalo')).remoteUrl).toBe(url);
  });
});
