import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress, Publication } from '../../scripts/crosspost/channels/channel.ts';
import { PermanentChannelError, TransientChannelError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createWebhookChannel, type WebhookChannel } from '../../scripts/crosspost/channels/webhook/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './stand-ins/webhook-receiver.ts';

/** Progress as the runner keeps it: saved steps merged, handed back on the next attempt. */
function memoryProgress(initial: Record<string, unknown> = {}): Progress & { saves: Record<string, unknown>[] } {
  const saves: Record<string, unknown>[] = [];
  const progress = {
    saved: { ...initial } as Record<string, unknown>,
    saves,
    async save(step: Record<string, unknown>) {
      saves.push(step);
      progress.saved = { ...progress.saved, ...step };
    },
  };
  return progress;
}

const publication: Publication = {
  documentId: 'doc-01',
  kind: 'article',
  url: 'https://thanhthuy.example.vn/tin-tuc/khanh-thanh-nha-van-hoa',
  title: 'Khánh thành nhà văn hóa thôn Đông',
  summary: 'Nhà văn hóa mới phục vụ hơn 300 hộ dân.',
  caption: 'Khánh thành nhà văn hóa thôn Đông',
  imageUrl: 'https://thanhthuy.example.vn/uploads/nha-van-hoa.webp',
  publishedAt: '2026-11-26T07:00:00.000Z',
};

let secret: string;
let receiver: WebhookReceiver;
let channel: WebhookChannel;

beforeEach(async () => {
  secret = `whsec_${randomBytes(32).toString('base64')}`;
  receiver = await startWebhookReceiver(secret);
  channel = createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: secret })!;
});
afterEach(() => receiver.close());

describe('the signed webhook channel', () => {
  it('is absent without configuration, and a half or malformed configuration names the variable but not the secret', () => {
    expect(createWebhookChannel({})).toBeUndefined();
    expect(() => createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url })).toThrow(/CROSSPOST_WEBHOOK_SECRET is missing/);
    const bad = 'not-a-whsec-secret-value';
    expect(() => createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: bad })).toThrow(/CROSSPOST_WEBHOOK_SECRET must start with "whsec_"/);
    try {
      createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: bad });
    } catch (error) {
      expect(String(error)).not.toContain(bad);
    }
  });

  it('publishes a piece as one signed piece.published event the receiver verifies', async () => {
    const progress = memoryProgress();
    const post = await channel.create(publication, progress);
    expect(receiver.accepted).toHaveLength(1);
    const { id, event } = receiver.accepted[0];
    expect(post).toEqual({ remoteId: id, remoteUrl: publication.url });
    expect(event).toMatchObject({
      type: 'piece.published',
      data: { documentId: 'doc-01', kind: 'article', url: publication.url, title: publication.title, imageUrl: publication.imageUrl },
    });
    expect(receiver.requests[0].headers['content-type']).toBe('application/json');
    expect(progress.saves[0]).toEqual({ webhookId: id, webhookTimestamp: expect.any(String) });
  });

  it('saves the webhook-id before the first send, and a retry after a 500 carries the same id', async () => {
    receiver.failNext(1, { status: 500 });
    const progress = memoryProgress();
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    expect(progress.saved.webhookId).toEqual(receiver.requests[0].id);
    await channel.create(publication, progress);
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 204]);
    expect(receiver.requests[1].id).toBe(receiver.requests[0].id);
    expect(receiver.requests[1].body).toBe(receiver.requests[0].body);
    expect(receiver.accepted).toHaveLength(1);
  });

  it('records one event when the receiver committed it but answered 500, and find then reports it absent so it is resent safely', async () => {
    receiver.failNext(1, { status: 500, afterRecording: true });
    const progress = memoryProgress();
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    expect(await channel.find(publication, progress)).toEqual({ absent: true });
    const post = await channel.create(publication, progress);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.accepted).toEqual([{ id: post.remoteId, event: expect.objectContaining({ type: 'piece.published' }) }]);
  });

  it('finds an event whose 2xx was recorded, so a crash before the ledger write sends nothing more', async () => {
    const progress = memoryProgress();
    const post = await channel.create(publication, progress);
    expect(await channel.find(publication, progress)).toEqual({ found: post });
    expect(await channel.find(publication, memoryProgress())).toEqual({ absent: true });
  });

  it('keeps the id across a restart: a new channel with the saved progress resends with it', async () => {
    receiver.failNext(1, { status: 503 });
    const progress = memoryProgress();
    await expect(channel.create(publication, progress)).rejects.toThrow(TransientChannelError);
    const afterRestart = createWebhookChannel({ CROSSPOST_WEBHOOK_URL: receiver.url, CROSSPOST_WEBHOOK_SECRET: secret })!;
    await afterRestart.create(publication, memoryProgress(progress.saved));
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(1);
  });

  it('passes the receiver\'s Retry-After hint on a 429', async () => {
    receiver.failNext(1, { status: 429, retryAfter: '120' });
    const error = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientChannelError);
    expect((error as TransientChannelError).retryAfterMs).toBe(120_000);
  });

  it('stops for good on 410 Gone with a Vietnamese message for the editor', async () => {
    receiver.gone();
    const error = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/không muốn nhận tin nữa/);
  });

  it('treats a refused connection as transient', async () => {
    const url = receiver.url;
    await receiver.close();
    const offline = createWebhookChannel({ CROSSPOST_WEBHOOK_URL: url, CROSSPOST_WEBHOOK_SECRET: secret })!;
    await expect(offline.create(publication, memoryProgress())).rejects.toBeInstanceOf(TransientChannelError);
    receiver = await startWebhookReceiver(secret);
  });

  it('is refused by a receiver holding another secret, and the error shows neither secret nor the URL\'s query', async () => {
    const other = createWebhookChannel({
      CROSSPOST_WEBHOOK_URL: `${receiver.url}?token=portal-token-123`,
      CROSSPOST_WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
    })!;
    const error = await other.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(receiver.requests[0].status).toBe(401);
    expect(receiver.accepted).toHaveLength(0);
    expect(error).toBeInstanceOf(PermanentChannelError);
    const shown = `${String(error)} ${(error as PermanentChannelError).editorMessage} ${(error as Error).stack}`;
    expect(shown).not.toContain(secret.slice(6));
    expect(shown).not.toContain('portal-token-123');
  });

  it('sends each edit as its own piece.updated event, with a stable id across retries of one edit', async () => {
    const post = await channel.create(publication, memoryProgress());
    const progress = memoryProgress();
    const edited = { ...publication, title: 'Khánh thành nhà văn hóa thôn Đông (cập nhật)' };
    receiver.failNext(1, { status: 500 });
    await expect(channel.update(post, edited, progress)).rejects.toBeInstanceOf(TransientChannelError);
    const first = await channel.update(post, edited, progress);
    const second = await channel.update(post, { ...edited, summary: 'Thêm ảnh lễ khánh thành.' }, progress);
    expect(receiver.requests[1].id).toBe(receiver.requests[2].id);
    expect(first.remoteId).toBe(receiver.requests[2].id);
    expect(second.remoteId).not.toBe(first.remoteId);
    expect(receiver.accepted.map((a) => (a.event as { type: string }).type)).toEqual(['piece.published', 'piece.updated', 'piece.updated']);
  });

  it('sends piece.withdrawn once per withdrawal, even when retried', async () => {
    const progress = memoryProgress();
    await channel.create(publication, progress);
    receiver.failNext(1, { status: 500, afterRecording: true });
    await expect(channel.withdraw(publication, progress, '2026-11-27T01:00:00.000Z')).rejects.toBeInstanceOf(TransientChannelError);
    await channel.withdraw(publication, progress, '2026-11-27T01:00:00.000Z');
    // Republished, then withdrawn again later: a new event the receiver must not drop.
    await channel.withdraw(publication, progress, '2026-12-02T09:30:00.000Z');
    const withdrawn = receiver.accepted.filter((a) => (a.event as { type: string }).type === 'piece.withdrawn');
    expect(withdrawn.map((a) => (a.event as { timestamp: string }).timestamp)).toEqual(['2026-11-27T01:00:00.000Z', '2026-12-02T09:30:00.000Z']);
  });
});
