import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Channel, Lookup, Progress, RemotePost } from '../channel.ts';
import { PermanentChannelError, TransientChannelError } from '../channel-errors.ts';
import { fetchVideoBytes } from '../youtube/fetch-video-bytes.ts';
import type { TokenStore } from '../token-file.ts';
import { tiktokClient, type TiktokClient } from './tiktok-api.ts';
import { createTiktokTokenStore } from './tiktok-token-store.ts';
import { loadTiktokConfig } from './tiktok-config.ts';
import { chunkIndexAfter, chunkPlan, UPLOAD_URL_LIFETIME_MS, uploadChunks, type ChunkPlan } from './tiktok-upload.ts';

export interface TiktokDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Preferred chunk size (clamped to TikTok's 5–64 MB). */
  chunkBytes?: number;
  /** Status reads after the upload before handing back to the runner, and the pause between. */
  statusPolls?: number;
  pollDelayMs?: number;
  /** Where the rotated token pair lives; default a file store under `tokenDir`. */
  tokenStore?: TokenStore;
  /** Directory of the default file store (tiktok-tokens.json, mode 0600); default var/crosspost. */
  tokenDir?: string;
}

const creatorSchema = z.object({ creator_username: z.string(), privacy_level_options: z.array(z.string()) });
const initSchema = z.object({ publish_id: z.string().min(1), upload_url: z.string().url() });
const statusSchema = z.object({
  status: z.string(),
  fail_reason: z.string().optional(),
  // Spelled so in TikTok's API.
  publicaly_available_post_id: z.array(z.union([z.string(), z.number()])).optional(),
  uploaded_bytes: z.number().optional(),
});
type PublishStatus = z.infer<typeof statusSchema>;

// What the channel keeps in Progress, saved after init and before the first byte:
// { publishId, uploadUrl, uploadUrlAt, plan, creatorUsername }.
const savedSchema = z.object({
  publishId: z.string(),
  uploadUrl: z.string(),
  uploadUrlAt: z.number(),
  plan: z.object({ videoSize: z.number(), chunkSize: z.number(), totalChunkCount: z.number() }),
  creatorUsername: z.string(),
});
type SavedPublish = z.infer<typeof savedSchema>;

const PROCESSING_WAIT_MS = 30_000;

function postOf(saved: SavedPublish, status: PublishStatus): RemotePost {
  const profile = `https://www.tiktok.com/@${encodeURIComponent(saved.creatorUsername)}`;
  const postId = status.publicaly_available_post_id?.[0];
  // A SELF_ONLY post has no public id: the publish_id names it and the profile is the link.
  return postId === undefined ? { remoteId: saved.publishId, remoteUrl: profile } : { remoteId: String(postId), remoteUrl: `${profile}/video/${postId}` };
}

async function fetchStatus(client: TiktokClient, publishId: string): Promise<PublishStatus> {
  const parsed = statusSchema.safeParse(await client.call('/v2/post/publish/status/fetch/', { publish_id: publishId }));
  if (!parsed.success) throw new TransientChannelError(`TikTok status of ${publishId} has an unexpected shape: ${parsed.error.issues[0].path.join('.')}`);
  return parsed.data;
}

/** TikTok through the Content Posting API (direct post), or undefined without a token. */
export function createTiktokChannel(env: Record<string, string | undefined>, deps: TiktokDeps = {}): Channel | undefined {
  const config = loadTiktokConfig(env);
  if (!config) return undefined;
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const store = deps.tokenStore ?? createTiktokTokenStore(deps.tokenDir ?? join(process.cwd(), 'var', 'crosspost'));
  const client = tiktokClient(config, doFetch, store);

  const done = (saved: SavedPublish, status: PublishStatus): RemotePost | undefined => {
    if (status.status === 'PUBLISH_COMPLETE' || status.status === 'SEND_TO_USER_INBOX') return postOf(saved, status);
    if (status.status === 'FAILED') {
      throw new PermanentChannelError(`TikTok publish ${saved.publishId} FAILED: ${status.fail_reason ?? 'no reason given'}`, `TikTok không đăng được video (${status.fail_reason ?? 'không rõ lý do'}). Hãy kiểm tra video rồi bấm thử lại.`);
    }
    return undefined;
  };

  async function waitForPublish(saved: SavedPublish): Promise<RemotePost> {
    const polls = deps.statusPolls ?? 5;
    for (let i = 0; i < polls; i++) {
      const post = done(saved, await fetchStatus(client, saved.publishId));
      if (post) return post;
      await sleep(deps.pollDelayMs ?? 3000);
    }
    // Uploaded and still processing: the next attempt reads the status again, never reposts.
    throw new TransientChannelError(`TikTok publish ${saved.publishId} is still processing`, PROCESSING_WAIT_MS);
  }

  return {
    name: 'tiktok',

    async create(publication, progress) {
      if (!publication.videoUrl) {
        throw new PermanentChannelError(`Piece ${publication.documentId} has no video for TikTok`, 'Bài này không có video nên không đăng lên TikTok.');
      }
      const earlier = savedSchema.safeParse(progress.saved);
      let resumeAt: number | undefined;
      if (earlier.success) {
        const saved = earlier.data;
        const status = await fetchStatus(client, saved.publishId);
        if (status.status !== 'FAILED') {
          const post = done(saved, status);
          if (post) return post;
          const uploaded = status.uploaded_bytes ?? saved.plan.videoSize;
          if (uploaded >= saved.plan.videoSize) return waitForPublish(saved);
          // Missing bytes: resume within the URL's hour; after it, the upload can never
          // complete (so never publish) and a new one is safe.
          if (now() - saved.uploadUrlAt < UPLOAD_URL_LIFETIME_MS - 5 * 60_000) resumeAt = chunkIndexAfter(saved.plan, uploaded);
        }
        if (resumeAt !== undefined) {
          const video = await fetchVideoBytes(publication.videoUrl, doFetch);
          if (video.bytes.length === saved.plan.videoSize) {
            await uploadChunks(doFetch, saved.uploadUrl, video.bytes, video.contentType, saved.plan, resumeAt);
            return waitForPublish(saved);
          }
        }
      }

      const creator = creatorSchema.safeParse(await client.call('/v2/post/publish/creator_info/query/', {}));
      if (!creator.success) throw new TransientChannelError(`TikTok creator_info has an unexpected shape: ${creator.error.issues[0].path.join('.')}`);
      if (!creator.data.privacy_level_options.includes(config.TIKTOK_PRIVACY)) {
        throw new PermanentChannelError(
          `TikTok account @${creator.data.creator_username} does not offer privacy ${config.TIKTOK_PRIVACY}`,
          `Tài khoản TikTok không cho phép chế độ hiển thị ${config.TIKTOK_PRIVACY}. Hãy sửa TIKTOK_PRIVACY.`,
        );
      }
      const video = await fetchVideoBytes(publication.videoUrl, doFetch);
      const plan: ChunkPlan = chunkPlan(video.bytes.length, deps.chunkBytes ?? 10 * 1024 * 1024);
      const init = initSchema.safeParse(
        await client.call(
          '/v2/post/publish/video/init/',
          {
            post_info: { title: publication.caption || publication.title, privacy_level: config.TIKTOK_PRIVACY, disable_duet: false, disable_comment: false, disable_stitch: false },
            source_info: { source: 'FILE_UPLOAD', video_size: plan.videoSize, chunk_size: plan.chunkSize, total_chunk_count: plan.totalChunkCount },
          },
          // A 5xx on init has no documented dedupe. Without our bytes it cannot become a
          // post, and find() answers absent with no publish_id saved, so the runner's
          // reconciliation resolves it at once.
          { unknownOn5xx: true },
        ),
      );
      if (!init.success) throw new TransientChannelError(`TikTok video init has an unexpected shape: ${init.error.issues[0].path.join('.')}`);
      const saved: SavedPublish = {
        publishId: init.data.publish_id,
        uploadUrl: init.data.upload_url,
        uploadUrlAt: now(),
        plan,
        creatorUsername: creator.data.creator_username,
      };
      await progress.save(saved);
      await uploadChunks(doFetch, saved.uploadUrl, video.bytes, video.contentType, plan, 0);
      return waitForPublish(saved);
    },

    // The publish_id saved before the first byte is TikTok's answer to "did it post?":
    // PUBLISH_COMPLETE → found; FAILED or bytes missing → absent (create resumes or starts
    // over; an incomplete upload never publishes); all bytes in and still processing → a
    // TransientChannelError, "ask again shortly". No publish_id saved: no byte sent → absent.
    async find(_publication, progress): Promise<Lookup> {
      const earlier = savedSchema.safeParse(progress.saved);
      if (!earlier.success) return { absent: true };
      const saved = earlier.data;
      const status = await fetchStatus(client, saved.publishId);
      if (status.status === 'FAILED') return { absent: true };
      const post = done(saved, status);
      if (post) return { found: post };
      if ((status.uploaded_bytes ?? saved.plan.videoSize) < saved.plan.videoSize) return { absent: true };
      throw new TransientChannelError(`TikTok publish ${saved.publishId} is still processing`, PROCESSING_WAIT_MS);
    },
  };
}
