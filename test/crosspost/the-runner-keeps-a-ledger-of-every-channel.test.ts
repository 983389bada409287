import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CROSSPOST_STATE_LABELS } from '@thanh-thuy/content-types';
import type { ChannelName } from '../../scripts/crosspost/channels/channel.ts';
import { drain, type RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi, connect, publicGet } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { ARTICLE, LEDGER, publishArticle as publishWith, runnerFor, SITE_URL } from './helpers/runner-harness.ts';

interface Row {
  pieceId: string;
  channel: ChannelName;
  action: string;
  state: keyof typeof CROSSPOST_STATE_LABELS;
  payload: string | null;
  lastError: string | null;
}

// A commune without any platform credentials: every selected channel runs in outbox mode.
describe('the cross-post ledger in outbox mode', () => {
  let cms: TestCms;
  let api: AdminApi;
  let deps: RunnerDeps;
  let live = true;

  const rows = async (pieceId: string): Promise<Row[]> => {
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.results as Row[]).filter((r) => r.pieceId === pieceId);
  };

  const publishArticle = async (title: string, channelKeys: string[]) => (await publishWith(api, title, channelKeys)).id;

  beforeAll(async () => {
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    deps = runnerFor(cms, 'kiem-thu-1', [], { isLive: async () => live });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('a first publish queues one job per selected channel and records a ready-to-paste post for each', async () => {
    const id = await publishArticle('Xã triển khai ký số cho hộ kinh doanh', ['facebook', 'zalo', 'cong-thong-tin']);
    expect(await drain(deps)).toBe(3);
    const ledger = await rows(id);
    expect(ledger.map((r) => [r.channel, r.action, r.state])).toEqual([
      ['facebook', 'create', 'outbox'],
      ['zalo', 'create', 'outbox'],
      ['webhook', 'create', 'skipped'],
    ]);
    const payload = JSON.parse(ledger[0]!.payload!);
    expect(payload.link).toMatch(new RegExp(`^${SITE_URL}/tin-tuc/xa-trien-khai-ky-so-cho-ho-kinh-doanh/$`));
    expect(payload.caption).toContain('Xã triển khai ký số cho hộ kinh doanh');
    expect(payload.caption).toContain(payload.link);
  });

  it('a republish after an unpublish queues no second post', async () => {
    const id = await publishArticle('Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng', ['facebook']);
    await drain(deps);
    expect((await api.unpublish(ARTICLE, id)).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await drain(deps);
    const creates = (await rows(id)).filter((r) => r.action === 'create' && r.channel === 'facebook');
    expect(creates).toHaveLength(1);
  });

  it('a channel added to a published piece queues its own job', async () => {
    const id = await publishArticle('Ra mắt chuyên mục hỏi đáp chuyển đổi số', ['facebook']);
    await drain(deps);
    const added = await api.update(ARTICLE, id, { channels: connect(await api.ids('channel', ['facebook', 'zalo'])) });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await drain(deps);
    const ledger = await rows(id);
    expect(ledger.filter((r) => r.action === 'create').map((r) => [r.channel, r.state])).toEqual([
      ['facebook', 'outbox'],
      ['webhook', 'skipped'],
      ['zalo', 'outbox'],
    ]);
  });

  it('a job waits until the page is live, without spending an attempt', async () => {
    live = false;
    const id = await publishArticle('Hướng dẫn nộp hồ sơ trực tuyến tại nhà', ['facebook']);
    await drain(deps);
    const waiting = (await rows(id)).find((r) => r.channel === 'facebook')!;
    expect(waiting.state).toBe('pending');
    expect(waiting.lastError).toBe('Chờ trang trên cổng thông tin được dựng xong.');
    live = true;
    await new Promise((r) => setTimeout(r, 2_100));
    await drain(deps);
    expect((await rows(id)).find((r) => r.channel === 'facebook')!.state).toBe('outbox');
  });

  it('the runner’s idle polls stay out of the CMS log, the claims that find work do not', async () => {
    await drain(deps);
    const before = cms.output().split('\n').filter((l) => l.includes('/api/crosspost/claim')).length;
    for (let i = 0; i < 5; i += 1) expect(await drain(deps)).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(cms.output().split('\n').filter((l) => l.includes('/api/crosspost/claim')).length).toBe(before);
    await publishArticle('Tin kiểm tra nhật ký yêu cầu', ['facebook']);
    await drain(deps);
    await new Promise((r) => setTimeout(r, 200));
    expect(cms.output().split('\n').filter((l) => l.includes('POST /api/crosspost/claim')).length).toBeGreaterThan(before);
  });

  it('the ledger is never readable through the REST API, and only the runner may claim jobs', async () => {
    for (const token of [undefined, cms.siteToken]) {
      expect([403, 404]).toContain((await publicGet(cms, '/api/crosspost-jobs', token)).status);
    }
    for (const secret of ['', cms.siteToken, 'sai-bi-mat']) {
      const res = await fetch(`${cms.url}/api/crosspost/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
        body: JSON.stringify({ runner: 'ke-gian', leaseMs: 60_000 }),
      });
      expect(res.status, secret).toBe(403);
    }
  });
});
