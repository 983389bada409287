import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createZaloChannel } from '../../scripts/crosspost/channels/zalo/index.ts';
import { ledgerProgress, publication, startZaloFixture, type ZaloFixture } from './zalo-channel-support.ts';

let fx: ZaloFixture;
beforeEach(async () => {
  fx = await startZaloFixture();
});
afterEach(async () => {
  await fx.close();
});

describe('Zalo OA channel', () => {
  it('is absent without credentials, so the runner keeps Zalo in outbox mode', () => {
    expect(createZaloChannel({})).toBeUndefined();
    expect(createZaloChannel({ ZALO_OA_REFRESH_TOKEN: 'r', ZALO_APP_ID: '1' })).toBeUndefined();
    expect(createZaloChannel({ ZALO_OA_REFRESH_TOKEN: 'r', ZALO_APP_ID: '1', ZALO_APP_SECRET: 's' })).toBeDefined();
  });

  it('publishes one verified article with the cover, the author and a link back to the portal', async () => {
    const progress = ledgerProgress();
    const post = await fx.channel().create(publication(), progress);

    expect(fx.oa.calls('/article/create')).toHaveLength(1);
    expect(fx.oa.articles.size).toBe(1);
    const article = fx.oa.articles.get(post.remoteId)!;
    expect(article.verified).toBe(true);
    expect(article.author).toBe('UBND xã Thanh Thủy');
    expect(article.cover).toEqual({ cover_type: 'photo', photo_url: publication().imageUrl, status: 'show' });
    expect(JSON.stringify(article.body)).toContain(publication().url);
    expect(post.remoteUrl).toMatch(new RegExp(`/public/article/${post.remoteId}$`));
    expect(fx.oa.calls('/article/create')[0].headers.access_token).toBe(fx.oa.initial.accessToken);
  });

  it('saves the article token before verifying it', async () => {
    const progress = ledgerProgress();
    await fx.channel().create(publication(), progress);
    const verify = fx.oa.calls('/article/verify')[0];
    expect(progress.steps[0]).toEqual({ zaloToken: (verify.body as { token: string }).token });
  });

  it('resumes with the saved token after a failed verify and never creates a second article', async () => {
    fx.oa.failVerifyNext(1);
    const progress = ledgerProgress();
    await expect(fx.channel().create(publication(), progress)).rejects.toBeInstanceOf(TransientChannelError);
    expect(progress.saved.zaloToken).toEqual(expect.any(String));

    // The runner restarts: a new channel, the same ledger progress.
    const post = await fx.channel().create(publication(), ledgerProgress(progress.saved));
    expect(fx.oa.calls('/article/create')).toHaveLength(1);
    expect(fx.oa.articles.size).toBe(1);
    expect(fx.oa.articles.get(post.remoteId)!.verified).toBe(true);
  });

  it('returns the article verified before a crash without creating or verifying again', async () => {
    const progress = ledgerProgress();
    const first = await fx.channel().create(publication(), progress);
    expect(progress.saved.zaloId).toBe(first.remoteId);

    // The runner died after verify, before the ledger recorded the post.
    const again = await fx.channel().create(publication(), ledgerProgress(progress.saved));
    expect(again).toEqual(first);
    expect(fx.oa.calls('/article/create')).toHaveLength(1);
    expect(fx.oa.calls('/article/verify')).toHaveLength(1);
  });

  it('keeps a long Vietnamese title within 150 characters, cut on a word', async () => {
    const title = 'Thông báo về việc tổ chức lấy ý kiến nhân dân đối với dự thảo quy hoạch chung xây dựng xã Thanh Thủy đến năm 2035, tầm nhìn đến năm 2050 và kế hoạch sử dụng đất';
    const post = await fx.channel().create(publication({ title, caption: 'ngắn' }), ledgerProgress());
    const stored = fx.oa.articles.get(post.remoteId)!.title;
    expect(stored.length).toBeLessThanOrEqual(150);
    expect(stored.endsWith('…')).toBe(true);
    expect(title.startsWith(stored.slice(0, -1))).toBe(true);
    expect(title[stored.length - 1]).toBe(' ');
  });

  it('refuses a piece without a cover with a Vietnamese message, creating nothing', async () => {
    const error = await fx.channel().create(publication({ imageUrl: undefined }), ledgerProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/^Zalo yêu cầu ảnh bìa/);
    expect(fx.oa.calls('/article/create')).toHaveLength(0);
  });

  it('turns the per-minute rate limit into a transient failure that waits a minute', async () => {
    fx.oa.rateLimitNext(1);
    const error = await fx.channel().create(publication(), ledgerProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientChannelError);
    expect((error as TransientChannelError).retryAfterMs).toBe(60_000);
    expect(fx.oa.articles.size).toBe(0);
  });

  it('stops on an invalid field and names the field in Vietnamese', async () => {
    fx.oa.invalidFieldNext('description allow 1 to 300 characters');
    const error = await fx.channel().create(publication(), ledgerProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toContain('"mô tả"');
  });

  describe.each(['502', 'drop'] as const)('when create commits the article but answers %s', (how) => {
    it('reports an unknown outcome, and find then finds the article by its portal link', async () => {
      fx.oa.commitThenFail(how);
      const progress = ledgerProgress();
      await expect(fx.channel().create(publication(), progress)).rejects.toBeInstanceOf(UnknownOutcomeError);

      const lookup = await fx.channel().find(publication(), progress);
      const [only] = [...fx.oa.articles.keys()];
      expect(lookup).toEqual({ found: { remoteId: only, remoteUrl: expect.stringContaining(`/public/article/${only}`) } });
      expect(fx.oa.calls('/article/create')).toHaveLength(1);
    });
  });

  it('finds the article by the token saved before verify failed, without reading the list', async () => {
    fx.oa.failVerifyNext(1);
    const progress = ledgerProgress();
    await expect(fx.channel().create(publication(), progress)).rejects.toBeInstanceOf(TransientChannelError);

    const lookup = await fx.channel().find(publication(), progress);
    const [only] = [...fx.oa.articles.keys()];
    expect(lookup).toEqual({ found: { remoteId: only, remoteUrl: expect.stringContaining(`/public/article/${only}`) } });
    expect(fx.oa.calls('/article/getslice')).toHaveLength(0);
  });

  it('finds nothing when no article links to the piece, even among same-titled ones', async () => {
    await fx.channel().create(publication({ url: 'https://thanhthuy.example.vn/tin-tuc/bai-khac' }), ledgerProgress());
    expect(await fx.channel().find(publication(), ledgerProgress())).toEqual({ absent: true });
  });

  it('answers unknown, not absent, when the article list cannot be read', async () => {
    fx.oa.rateLimitNext(1);
    const lookup = await fx.channel().find(publication(), ledgerProgress());
    expect(lookup).toEqual({ unknown: expect.stringContaining('could not be read') });
  });

  it('updates the article and verifies the new token it was given', async () => {
    const post = await fx.channel().create(publication(), ledgerProgress());
    const edited = publication({ title: 'Xã Thanh Thủy thu hoạch lúa vụ mùa: năng suất cao nhất 5 năm' });
    fx.oa.failVerifyNext(1);
    const progress = ledgerProgress();
    await expect(fx.channel().update!(post, edited, progress)).rejects.toBeInstanceOf(TransientChannelError);
    expect(progress.saved.zaloUpdateToken).toEqual(expect.any(String));

    const updated = await fx.channel().update!(post, edited, ledgerProgress(progress.saved));
    expect(updated.remoteId).toBe(post.remoteId);
    expect(fx.oa.calls('/article/update')).toHaveLength(1);
    const verifies = fx.oa.calls('/article/verify').map((r) => (r.body as { token: string }).token);
    expect(verifies.at(-1)).toBe(progress.saved.zaloUpdateToken);
    expect(fx.oa.articles.get(post.remoteId)!.title).toBe(edited.title);
    expect(fx.oa.articles.size).toBe(1);
  });
});
