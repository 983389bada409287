import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Progress, Publication } from '../../scripts/crosspost/channels/channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createTiktokChannel, createTiktokTokenStore, TIKTOK_TOKEN_FILE, type TiktokDeps, type TiktokTokens } from '../../scripts/crosspost/channels/tiktok/index.ts';
import type { TokenStore } from '../../scripts/crosspost/channels/token-file.ts';
import { startTiktokStandIn, TIKTOK_CREDENTIALS, type TiktokStandIn } from './stand-ins/tiktok.ts';

function memoryProgress(initial: Record<string, unknown> = {}, onSave?: (step: Record<string, unknown>) => void) {
  const progress = {
    saved: { ...initial } as Record<string, unknown>,
    async save(step: Record<string, unknown>) {
      onSave?.(step);
      progress.saved = { ...progress.saved, ...step };
    },
  };
  return progress satisfies Progress;
}

const MB = 1024 * 1024;
// 16 MB in 5 MB chunks: TikTok wants floor(16 / 5) = 3 chunks, the last taking the remainder.
const videoFile = randomBytes(16 * MB);
let tiktok: TiktokStandIn;
let publication: Publication;
const deps: TiktokDeps = { chunkBytes: 5 * MB, pollDelayMs: 0 };
let tokenDir: string;
const newChannel = (extra: TiktokDeps = {}) => createTiktokChannel(tiktok.env, { ...deps, tokenDir, ...extra })!;
let channel: Channel;

beforeEach(async () => {
  tokenDir = await mkdtemp(join(tmpdir(), 'tiktok-tokens-'));
  tiktok = await startTiktokStandIn(videoFile);
  channel = newChannel();
  publication = {
    documentId: 'doc-09',
    kind: 'model-practice',
    url: 'https://thanhthuy.example.vn/mo-hinh/nuoi-ong-lay-mat',
    title: 'Mô hình nuôi ong lấy mật ở thôn Bến',
    summary: 'Ba mươi hộ tham gia, thu nhập tăng.',
    caption: 'Mô hình nuôi ong lấy mật ở thôn Bến https://thanhthuy.example.vn/mo-hinh/nuoi-ong-lay-mat',
    videoUrl: tiktok.videoUrl,
    publishedAt: '2026-11-26T07:00:00.000Z',
  };
});
afterEach(async () => {
  await tiktok.close();
  await rm(tokenDir, { recursive: true, force: true });
});

describe('the TikTok channel', () => {
  it('is absent without an access token and refuses half a refresh set by name', () => {
    expect(createTiktokChannel({})).toBeUndefined();
    expect(() => createTiktokChannel({ TIKTOK_ACCESS_TOKEN: 'x', TIKTOK_REFRESH_TOKEN: 'y' })).toThrow(/TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET missing/);
  });

  it('posts the video SELF_ONLY in ordered chunks and waits for PUBLISH_COMPLETE', async () => {
    tiktok.processFor(2);
    const post = await channel.create(publication, memoryProgress());
    const [publish] = tiktok.completed();
    expect(tiktok.publishes.size).toBe(1);
    expect(publish.privacy).toBe('SELF_ONLY');
    expect(publish.title).toBe(publication.caption);
    expect(Buffer.concat(publish.bytes).equals(videoFile)).toBe(true);
    expect(tiktok.chunkPuts().map((r) => r.contentRange)).toEqual([
      `bytes 0-${5 * MB - 1}/${16 * MB}`,
      `bytes ${5 * MB}-${10 * MB - 1}/${16 * MB}`,
      `bytes ${10 * MB}-${16 * MB - 1}/${16 * MB}`,
    ]);
    expect(post).toEqual({ remoteId: publish.id, remoteUrl: 'https://www.tiktok.com/@xathanhthuy' });
  });

  it('saves the publish_id before the first byte is uploaded', async () => {
    const putsAtSave: number[] = [];
    const progress = memoryProgress({}, () => putsAtSave.push(tiktok.chunkPuts().length));
    await channel.create(publication, progress);
    expect(putsAtSave).toEqual([0]);
    expect(progress.saved.publishId).toBe([...tiktok.publishes.keys()][0]);
  });

  it('resumes an interrupted upload on the same publish_id instead of posting again', async () => {
    const progress = memoryProgress();
    tiktok.failNextChunk({ status: 503, afterCommit: false, startingAt: 5 * MB });
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    const afterRestart = newChannel();
    expect(await afterRestart.find(publication, memoryProgress(progress.saved))).toEqual({ absent: true });
    await afterRestart.create(publication, memoryProgress(progress.saved));
    expect(tiktok.publishes.size).toBe(1);
    expect(tiktok.completed()).toHaveLength(1);
    // The first chunk was sent once; only the failed one and the rest again.
    expect(tiktok.chunkPuts().map((r) => r.contentRange?.split('/')[0])).toEqual([
      `bytes 0-${5 * MB - 1}`,
      `bytes ${5 * MB}-${10 * MB - 1}`,
      `bytes ${5 * MB}-${10 * MB - 1}`,
      `bytes ${10 * MB}-${16 * MB - 1}`,
    ]);
  });

  it('finds a post whose last chunk was stored but whose reply was a 500, and never posts again', async () => {
    const progress = memoryProgress();
    tiktok.failNextChunk({ status: 500, afterCommit: true, onlyFinal: true });
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(UnknownOutcomeError);
    const found = await newChannel().find(publication, memoryProgress(progress.saved));
    expect(found).toEqual({ found: { remoteId: progress.saved.publishId, remoteUrl: 'https://www.tiktok.com/@xathanhthuy' } });
    await newChannel().create(publication, memoryProgress(progress.saved));
    expect(tiktok.publishes.size).toBe(1);
  });

  it('hands back a still-processing upload as transient, and the next attempt only reads the status', async () => {
    tiktok.processFor(10);
    const progress = memoryProgress();
    const error = await newChannel({ statusPolls: 2 }).create(publication, progress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientChannelError);
    await expect(channel.find(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    await newChannel({ statusPolls: 20 }).create(publication, progress);
    expect(tiktok.publishes.size).toBe(1);
    expect(tiktok.chunkPuts()).toHaveLength(3);
  });

  it('treats rate_limit_exceeded as transient with a minute to wait', async () => {
    tiktok.failNextInit(429, 'rate_limit_exceeded');
    const error = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientChannelError);
    expect((error as TransientChannelError).retryAfterMs).toBe(60_000);
  });

  it('treats a 5xx on init as an unknown outcome that find resolves as absent', async () => {
    tiktok.failNextInit(500, 'internal_error');
    const progress = memoryProgress();
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(UnknownOutcomeError);
    expect(await channel.find(publication, progress)).toEqual({ absent: true });
  });

  it('stops on a FAILED publish with TikTok\'s reason, and a deliberate retry starts a new publish', async () => {
    tiktok.failNextPublishWith('video_pull_failed');
    const progress = memoryProgress();
    const error = await channel.create(publication, progress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/TikTok không đăng được video \(video_pull_failed\)/);
    expect(await channel.find(publication, progress)).toEqual({ absent: true });
    await channel.create(publication, progress);
    expect(tiktok.publishes.size).toBe(2);
    expect(tiktok.completed()).toHaveLength(1);
  });

  it('refreshes an expired access token and stores the rotated pair, readable by its owner only, before using it', async () => {
    tiktok.expireAccessTokens();
    const inner = createTiktokTokenStore(tokenDir);
    const saves: Array<{ tokens: TiktokTokens; requestsSeen: number }> = [];
    const store: TokenStore = { load: () => inner.load(), exclusive: (work) => inner.exclusive(work), save: async (tokens) => (saves.push({ tokens, requestsSeen: tiktok.log.length }), inner.save(tokens)) };
    await newChannel({ tokenStore: store }).create(publication, memoryProgress());
    expect(tiktok.completed()).toHaveLength(1);
    expect(tiktok.refreshes.map((r) => r.refreshToken)).toEqual([TIKTOK_CREDENTIALS.refreshToken]);
    expect(saves).toHaveLength(1);
    const [{ tokens, requestsSeen }] = saves;
    expect(tokens).toMatchObject(tiktok.current());
    expect(tiktok.log.slice(0, requestsSeen).some((r) => r.bearer === tokens.accessToken)).toBe(false);
    expect(tiktok.log.slice(requestsSeen).some((r) => r.bearer === tokens.accessToken)).toBe(true);

    const file = join(tokenDir, TIKTOK_TOKEN_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8')) as TiktokTokens;
    expect(stored).toMatchObject(tiktok.current());
    expect(Date.parse(stored.expiresAt!)).toBeGreaterThan(Date.now());
  });

  it('a restarted runner refreshes with the stored refresh token, never the spent one from the env', async () => {
    tiktok.expireAccessTokens();
    await newChannel().create(publication, memoryProgress());
    const firstPair = JSON.parse(await readFile(join(tokenDir, TIKTOK_TOKEN_FILE), 'utf8')) as TiktokTokens;
    // A new process: the env still holds the spent pair, the store the live one.
    tiktok.expireAccessTokens();
    await newChannel().create({ ...publication, documentId: 'doc-10' }, memoryProgress());
    expect(tiktok.refreshes.map((r) => r.refreshToken)).toEqual([TIKTOK_CREDENTIALS.refreshToken, firstPair.refreshToken]);
    expect(tiktok.reusedRefreshTokens).toEqual([]);
    expect(tiktok.completed()).toHaveLength(2);
  });

  it('stops with a Vietnamese message when TikTok refuses the refresh, and shows no token in errors', async () => {
    tiktok.expireAccessTokens();
    const refused = createTiktokChannel({ ...tiktok.env, TIKTOK_REFRESH_TOKEN: 'rft.revoked-by-the-user' }, { ...deps, tokenDir })!;
    const error = await refused.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/^Quyền đăng lên TikTok đã hết hạn/);
    expect(tiktok.publishes.size).toBe(0);
    const shown = `${String(error)} ${(error as PermanentChannelError).editorMessage} ${(error as Error).stack}`;
    for (const secret of [...Object.values(TIKTOK_CREDENTIALS).slice(1), 'rft.revoked-by-the-user']) expect(shown).not.toContain(secret);
  });
});
