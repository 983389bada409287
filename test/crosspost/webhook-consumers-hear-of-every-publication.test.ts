import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../scripts/crosspost/channels/webhook/index.ts';
import type { RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { ARTICLE, publishArticle, runnerFor, settle as settleWith, SITE_URL } from './helpers/runner-harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './stand-ins/webhook-receiver.ts';

// The provincial portal (or any consumer) hears of a publication, its edit and its withdrawal
// through the signed webhook, driven by the real CMS ledger and runner.
describe('webhook consumers hear of every publication, edit and withdrawal', () => {
  let cms: TestCms;
  let api: AdminApi;
  let receiver: WebhookReceiver;
  let deps: RunnerDeps;
  const secret = `whsec_${randomBytes(24).toString('base64')}`;

  beforeAll(async () => {
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    receiver = await startWebhookReceiver(secret);
    const webhook = createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: secret });
    deps = runnerFor(cms, 'webhook-1', [['webhook', webhook]]);
  });

  afterAll(async () => {
    await receiver?.close();
    await cms?.stop();
  });

  const settle = () => settleWith(deps);
  const eventsOf = (documentId: string) =>
    receiver.accepted.map((a) => a.event as { type: string; data: { documentId: string; url: string; title: string; publishedAt: string } }).filter((e) => e.data.documentId === documentId);

  it('sends piece.published, piece.updated and piece.withdrawn, signed, once each despite a failing receiver', async () => {
    receiver.failNext(1, { status: 500, afterRecording: true });
    const { id, slug } = await publishArticle(api, 'Cổng dịch vụ công tỉnh kết nối với cổng thông tin xã', []);
    await settle();
    expect((await api.update(ARTICLE, id, { summary: 'Sapo đã cập nhật sau khi xuất bản.' })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle();
    expect((await api.unpublish(ARTICLE, id)).status).toBe(200);
    await settle();
    expect(eventsOf(id).map((e) => e.type)).toEqual(['piece.published', 'piece.updated', 'piece.withdrawn']);
    expect(eventsOf(id)[0]!.data.url).toBe(`${SITE_URL}/tin-tuc/${slug}/`);
    // The update is dated by its timestamp; the piece keeps its first publication date.
    const [published, updated] = eventsOf(id);
    expect(updated!.data.publishedAt).toBe(published!.data.publishedAt);
    // The receiver was sent the first event twice (it failed after recording), with one id.
    const firstId = receiver.accepted.find((a) => (a.event as { data: { documentId: string } }).data.documentId === id)!.id;
    expect(receiver.requests.filter((r) => r.id === firstId).length).toBe(2);
  });
});
