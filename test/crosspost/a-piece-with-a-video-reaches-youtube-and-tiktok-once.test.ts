import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../scripts/crosspost/channels/channel.ts';
import { createTiktokChannel } from '../../scripts/crosspost/channels/tiktok/index.ts';
import { createYoutubeChannel } from '../../scripts/crosspost/channels/youtube/index.ts';
import type { RunnerDeps } from '../../scripts/crosspost/runner.ts';
import { AdminApi } from '../helpers/admin-api.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';
import { mp4Bytes } from '../fixtures/video.ts';
import { ARTICLE, LEDGER, publishArticle, runnerFor, settle, SITE_URL, uploadFile } from './helpers/runner-harness.ts';
import { startTiktokStandIn, type TiktokStandIn } from './stand-ins/tiktok.ts';
import { startYoutubeStandIn, type YoutubeStandIn } from './stand-ins/youtube.ts';

const CHUNK = 256 * 1024;

// The real CMS with its media library, the real runner, and the YouTube and TikTok stand-ins
// on 127.0.0.1: the video an editor attaches is read from the CMS's uploads and carried to
// both platforms once; a piece without one never gets a job there.
describe('a piece with a video reaches YouTube and TikTok once', () => {
  let cms: TestCms;
  let api: AdminApi;
  let youtube: YoutubeStandIn;
  let tiktok: TiktokStandIn;
  let channels: Array<['youtube' | 'tiktok', Channel]>;

  const runner = (name: string): RunnerDeps => runnerFor(cms, name, channels);
  const videoJobsOf = async (pieceId: string) => {
    const res = await api.request('GET', `/content-manager/collection-types/${LEDGER}?pageSize=100&sort=id:asc`);
    return (res.body.results as Array<{ pieceId: string; channel: string; action: string; state: string; remoteId: string | null }>)
      .filter((r) => r.pieceId === pieceId && (r.channel === 'youtube' || r.channel === 'tiktok'))
      .map((r) => ({ channel: r.channel, action: r.action, state: r.state, remoteId: r.remoteId }))
      .sort((a, b) => a.channel.localeCompare(b.channel));
  };

  beforeAll(async () => {
    cms = await bootCms();
    api = new AdminApi(cms, cms.adminToken);
    // The stand-ins' own "portal" file is empty: bytes that arrive came from the CMS.
    youtube = await startYoutubeStandIn(Buffer.alloc(0));
    tiktok = await startTiktokStandIn(Buffer.alloc(0));
    channels = [
      ['youtube', createYoutubeChannel(youtube.env, { chunkBytes: CHUNK })!],
      ['tiktok', createTiktokChannel(tiktok.env, { pollDelayMs: 0 })!],
    ];
  });

  afterAll(async () => {
    await youtube?.close();
    await tiktok?.close();
    await cms?.stop();
  });

  it('the video uploaded to the CMS reaches both platforms byte for byte, once, linking back to the portal', async () => {
    const video = mp4Bytes(2 * CHUNK + 150_000);
    const file = await uploadFile(api, video, 'le-hoi-dua-thuyen.mp4', 'video/mp4');
    expect(file.mime).toBe('video/mp4');
    const title = 'Lễ hội đua thuyền truyền thống trên sông Bứa';
    const { id, slug } = await publishArticle(api, title, ['youtube', 'tiktok'], { video: file.id });
    await settle(runner('r1'));

    const link = `${SITE_URL}/tin-tuc/${slug}/`;
    expect(youtube.videos).toHaveLength(1);
    const [uploaded] = youtube.videos;
    expect(uploaded.bytes.equals(video)).toBe(true);
    expect(youtube.chunkPuts()).toHaveLength(3);
    expect(uploaded.title).toBe(title);
    expect(uploaded.description).toContain(link);
    expect(uploaded.privacyStatus).toBe('private');

    expect(tiktok.publishes.size).toBe(1);
    const [posted] = tiktok.completed();
    expect(Buffer.concat(posted.bytes).equals(video)).toBe(true);
    expect(posted.title).toContain(title);
    expect(posted.title).toContain(link);
    expect(posted.privacy).toBe('SELF_ONLY');

    expect(await videoJobsOf(id)).toEqual([
      { channel: 'tiktok', action: 'create', state: 'posted', remoteId: posted.id },
      { channel: 'youtube', action: 'create', state: 'posted', remoteId: uploaded.id },
    ]);

    // An edit republished: neither platform can follow an edit, so nothing is sent again.
    expect((await api.update(ARTICLE, id, { summary: 'Mười hai đội thuyền của các thôn tranh tài.' })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle(runner('r1'));
    expect(youtube.videos).toHaveLength(1);
    expect(tiktok.publishes.size).toBe(1);
    expect((await videoJobsOf(id)).map((j) => j.state)).toEqual(['posted', 'posted']);
  });

  it('a piece without a video gets no YouTube or TikTok job, and one added later is sent on the next publish', async () => {
    const videosBefore = youtube.videos.length;
    const publishesBefore = tiktok.publishes.size;
    const { id } = await publishArticle(api, 'Thông báo lịch tiêm chủng mở rộng tháng 12', ['youtube', 'tiktok']);
    await settle(runner('r2'));
    expect(await videoJobsOf(id)).toEqual([]);
    expect(youtube.videos).toHaveLength(videosBefore);
    expect(tiktok.publishes.size).toBe(publishesBefore);

    const video = mp4Bytes(CHUNK + 4_000);
    const file = await uploadFile(api, video, 'tiem-chung.mp4', 'video/mp4');
    expect((await api.update(ARTICLE, id, { video: file.id })).status).toBe(200);
    expect((await api.publish(ARTICLE, id)).status).toBe(200);
    await settle(runner('r2'));

    expect(youtube.videos).toHaveLength(videosBefore + 1);
    expect(youtube.videos.at(-1)!.bytes.equals(video)).toBe(true);
    expect(tiktok.completed()).toHaveLength(publishesBefore + 1);
    expect((await videoJobsOf(id)).map((j) => [j.channel, j.action, j.state])).toEqual([
      ['tiktok', 'create', 'posted'],
      ['youtube', 'create', 'posted'],
    ]);
  });
});
