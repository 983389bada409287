import type { Channel, Lookup, Progress, Publication, RemotePost } from '../channel.ts';
import { PermanentChannelError } from '../channel-errors.ts';
import { fetchVideoBytes } from './fetch-video-bytes.ts';
import { googleAccessTokens } from './google-access-token.ts';
import { CHUNK_UNIT, querySession, startUploadSession, uploadFrom, type SessionStatus, type UploadContext } from './resumable-upload.ts';
import { loadYoutubeConfig } from './youtube-config.ts';
import { youtubeMetadata } from './youtube-metadata.ts';

export interface YoutubeDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Bytes per PUT, a multiple of 256 KiB. */
  chunkBytes?: number;
}

const watchUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
const posted = (id: string): RemotePost => ({ remoteId: id, remoteUrl: watchUrl(id) });

// What the channel keeps in Progress: { sessionUri, uploadBytes }, saved after YouTube opened
// the session and before the first byte is sent. An open session without bytes creates no
// video, so nothing before that save needs reconciling.
function savedSession(progress: Progress): { sessionUri: string; uploadBytes: number } | undefined {
  const { sessionUri, uploadBytes } = progress.saved;
  return typeof sessionUri === 'string' && typeof uploadBytes === 'number' ? { sessionUri, uploadBytes } : undefined;
}

/**
 * YouTube through the Data API's resumable upload, or undefined without credentials. Only a
 * piece with a video gets a job here; create refuses one without.
 */
export function createYoutubeChannel(env: Record<string, string | undefined>, deps: YoutubeDeps = {}): Channel | undefined {
  const config = loadYoutubeConfig(env);
  if (!config) return undefined;
  const doFetch = deps.fetch ?? fetch;
  const chunkBytes = deps.chunkBytes ?? 32 * CHUNK_UNIT;
  if (chunkBytes % CHUNK_UNIT !== 0) throw new Error(`YouTube chunk size ${chunkBytes} is not a multiple of ${CHUNK_UNIT}`);
  const ctx: UploadContext = {
    apiUrl: config.YOUTUBE_API_URL,
    fetch: doFetch,
    accessToken: googleAccessTokens(
      { oauthUrl: config.YOUTUBE_OAUTH_URL, clientId: config.YOUTUBE_CLIENT_ID, clientSecret: config.YOUTUBE_CLIENT_SECRET, refreshToken: config.YOUTUBE_REFRESH_TOKEN },
      doFetch,
      deps.now ?? Date.now,
    ),
  };

  return {
    name: 'youtube',

    async create(publication, progress) {
      if (!publication.videoUrl) {
        throw new PermanentChannelError(`Piece ${publication.documentId} has no video for YouTube`, 'Bài này không có video nên không đăng lên YouTube.');
      }
      // A saved session comes from an earlier attempt: ask it first, so an upload that
      // completed is not made again and an interrupted one continues where it stopped.
      const saved = savedSession(progress);
      let status: SessionStatus | undefined = saved && (await querySession(ctx, saved.sessionUri, saved.uploadBytes));
      if (status && 'complete' in status) return posted(status.complete.id);

      const video = await fetchVideoBytes(publication.videoUrl, doFetch);
      let sessionUri = saved?.sessionUri;
      // The video file changed since that session began: its bytes cannot be finished, and an
      // unfinished session never becomes a video, so a new one is safe.
      if (!saved || saved.uploadBytes !== video.bytes.length || (status && 'gone' in status)) {
        sessionUri = await startUploadSession(ctx, youtubeMetadata(publication, config.YOUTUBE_PRIVACY), video.bytes.length, video.contentType);
        await progress.save({ sessionUri, uploadBytes: video.bytes.length });
        status = { received: 0 };
      }
      const offset = status && 'received' in status ? status.received : 0;
      const uploaded = await uploadFrom(ctx, sessionUri!, video.bytes, offset, chunkBytes);
      return posted(uploaded.id);
    },

    // The session URI, saved before any byte was sent, is what YouTube answers for:
    // - 200/201 with the video: the upload completed (its reply was lost) → found;
    // - 308: some bytes are missing, so no video exists → absent, and create resumes it;
    // - 404: the session expired (they live about a week). A completed session keeps
    //   answering with its video until then, and the runner reconciles within hours, so an
    //   expired one in practice never completed → absent, and create opens a new session.
    // No saved session means no byte was sent, hence no video → absent.
    async find(_publication, progress): Promise<Lookup> {
      const saved = savedSession(progress);
      if (!saved) return { absent: true };
      const status = await querySession(ctx, saved.sessionUri, saved.uploadBytes);
      return 'complete' in status ? { found: posted(status.complete.id) } : { absent: true };
    },
  };
}
