import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Progress, Publication } from '../../scripts/crosspost/channels/channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createYoutubeChannel } from '../../scripts/crosspost/channels/youtube/index.ts';
import { startYoutubeStandIn, YOUTUBE_CREDENTIALS, type YoutubeStandIn } from './stand-ins/youtube.ts';

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

const CHUNK = 256 * 1024;
const videoFile = randomBytes(2 * CHUNK + 188_000);
let youtube: YoutubeStandIn;
let channel: Channel;
let publication: Publication;

beforeEach(async () => {
  youtube = await startYoutubeStandIn(videoFile);
  channel = createYoutubeChannel(youtube.env, { chunkBytes: CHUNK })!;
  publication = {
    documentId: 'doc-07',
    kind: 'article',
    url: 'https://thanhthuy.example.vn/tin-tuc/le-hoi-dua-thuyen',
    title: 'Lễ hội đua thuyền truyền thống trên sông Đáy',
    summary: 'Mười hai đội thuyền của các thôn tranh tài.',
    caption: 'Lễ hội đua thuyền <2026> trên sông Đáy',
    videoUrl: youtube.videoUrl,
    publishedAt: '2026-11-26T07:00:00.000Z',
  };
});
afterEach(() => youtube.close());

describe('the YouTube channel', () => {
  it('is absent without credentials and refuses a partial set by name', () => {
    expect(createYoutubeChannel({})).toBeUndefined();
    expect(() => createYoutubeChannel({ YOUTUBE_CLIENT_ID: 'x' })).toThrow(/YOUTUBE_CLIENT_SECRET, YOUTUBE_REFRESH_TOKEN missing/);
  });

  it('uploads the video in chunks as a private video linking back to the portal', async () => {
    const post = await channel.create(publication, memoryProgress());
    expect(youtube.videos).toHaveLength(1);
    const [video] = youtube.videos;
    expect(post).toEqual({ remoteId: video.id, remoteUrl: `https://www.youtube.com/watch?v=${video.id}` });
    expect(video.bytes.equals(videoFile)).toBe(true);
    expect(video.privacyStatus).toBe('private');
    expect(video.title).toBe('Lễ hội đua thuyền ‹2026› trên sông Đáy');
    expect(video.description).toContain(publication.url);
    expect(youtube.chunkPuts().map((r) => r.contentRange)).toEqual([
      `bytes 0-${CHUNK - 1}/${videoFile.length}`,
      `bytes ${CHUNK}-${2 * CHUNK - 1}/${videoFile.length}`,
      `bytes ${2 * CHUNK}-${videoFile.length - 1}/${videoFile.length}`,
    ]);
  });

  it('follows YOUTUBE_PRIVACY when the commune sets it', async () => {
    await createYoutubeChannel({ ...youtube.env, YOUTUBE_PRIVACY: 'unlisted' }, { chunkBytes: CHUNK })!.create(publication, memoryProgress());
    expect(youtube.videos[0].privacyStatus).toBe('unlisted');
  });

  it('saves the session URI before the first byte is sent', async () => {
    const chunksAtSave: number[] = [];
    const progress = memoryProgress({}, () => chunksAtSave.push(youtube.chunkPuts().length));
    await channel.create(publication, progress);
    expect(chunksAtSave).toEqual([0]);
    expect(progress.saved).toEqual({ sessionUri: expect.stringContaining('upload_id='), uploadBytes: videoFile.length });
  });

  it('resumes an interrupted upload where it stopped instead of starting again', async () => {
    const progress = memoryProgress();
    youtube.failNextChunk({ status: 503, afterCommit: false, startingAt: CHUNK });
    // First attempt: the first chunk is stored, the second fails; the job is retried later.
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    // A fresh channel, as after a restart, with what the ledger kept.
    const afterRestart = createYoutubeChannel(youtube.env, { chunkBytes: CHUNK })!;
    expect(await afterRestart.find(publication, memoryProgress(progress.saved))).toEqual({ absent: true });
    const post = await afterRestart.create(publication, memoryProgress(progress.saved));
    expect(youtube.sessions.size).toBe(1);
    expect(youtube.videos).toHaveLength(1);
    expect(youtube.videos[0].bytes.equals(videoFile)).toBe(true);
    expect(post.remoteId).toBe(youtube.videos[0].id);
    // The first chunk was sent once; only the failed one and the rest were sent again.
    expect(youtube.chunkPuts().map((r) => r.contentRange?.split('/')[0])).toEqual([
      `bytes 0-${CHUNK - 1}`,
      `bytes ${CHUNK}-${2 * CHUNK - 1}`,
      `bytes ${CHUNK}-${2 * CHUNK - 1}`,
      `bytes ${2 * CHUNK}-${videoFile.length - 1}`,
    ]);
  });

  it('finds a completed upload whose reply was lost, and never uploads it twice', async () => {
    const progress = memoryProgress();
    youtube.failNextChunk({ status: 503, afterCommit: true, onlyFinal: true });
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(UnknownOutcomeError);
    expect(youtube.videos).toHaveLength(1);
    const post = { remoteId: youtube.videos[0].id, remoteUrl: `https://www.youtube.com/watch?v=${youtube.videos[0].id}` };
    const afterRestart = createYoutubeChannel(youtube.env, { chunkBytes: CHUNK })!;
    expect(await afterRestart.find(publication, memoryProgress(progress.saved))).toEqual({ found: post });
    // Even a plain retry asks the session first and returns the same video.
    expect(await afterRestart.create(publication, memoryProgress(progress.saved))).toEqual(post);
    expect(youtube.videos).toHaveLength(1);
    expect(youtube.sessions.size).toBe(1);
  });

  it('treats a lost connection on the final chunk as an unknown outcome, not a failure', async () => {
    const progress = memoryProgress();
    let puts = 0;
    const dropLast: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && ++puts === 3) throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      return fetch(input, init);
    };
    const flaky = createYoutubeChannel(youtube.env, { chunkBytes: CHUNK, fetch: dropLast })!;
    await expect(flaky.create(publication, progress)).rejects.toBeInstanceOf(UnknownOutcomeError);
    expect(await channel.find(publication, progress)).toEqual({ absent: true });
    await channel.create(publication, progress);
    expect(youtube.videos).toHaveLength(1);
  });

  it('reports nothing sent as absent, and opens a new session when the old one expired', async () => {
    expect(await channel.find(publication, memoryProgress())).toEqual({ absent: true });
    const progress = memoryProgress();
    youtube.failNextChunk({ status: 503, afterCommit: false });
    await expect(channel.create(publication, progress)).rejects.toBeInstanceOf(TransientChannelError);
    const firstSession = progress.saved.sessionUri;
    youtube.expireSessions();
    expect(await channel.find(publication, progress)).toEqual({ absent: true });
    await channel.create(publication, progress);
    expect(progress.saved.sessionUri).not.toBe(firstSession);
    expect(youtube.videos).toHaveLength(1);
  });

  it('waits for the daily quota reset on quotaExceeded', async () => {
    youtube.failNextInit(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.');
    const error = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientChannelError);
    const wait = (error as TransientChannelError).retryAfterMs!;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(25.5 * 3600 * 1000);
  });

  it('stops on uploadLimitExceeded and rejected content with Vietnamese words for the editor', async () => {
    youtube.failNextInit(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.');
    const limit = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(limit).toBeInstanceOf(PermanentChannelError);
    expect((limit as PermanentChannelError).editorMessage).toMatch(/giới hạn số video/);
    youtube.failNextInit(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
    const content = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect((content as PermanentChannelError).editorMessage).toMatch(/YouTube từ chối video \(invalidDescription\)/);
  });

  it('stops on a revoked refresh token without showing any credential', async () => {
    youtube.revokeRefreshToken();
    const error = await channel.create(publication, memoryProgress()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentChannelError);
    const shown = `${String(error)} ${(error as PermanentChannelError).editorMessage} ${(error as Error).stack}`;
    expect(shown).toMatch(/invalid_grant/);
    for (const secret of [YOUTUBE_CREDENTIALS.clientSecret, YOUTUBE_CREDENTIALS.refreshToken]) expect(shown).not.toContain(secret);
  });

  it('refuses a piece without video', async () => {
    await expect(channel.create({ ...publication, videoUrl: undefined }, memoryProgress())).rejects.toBeInstanceOf(PermanentChannelError);
    expect(youtube.sessions.size).toBe(0);
  });
});
