// YouTube Data API v3 (resumable upload) and Google OAuth on 127.0.0.1, speaking the documented
// shapes: https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
// It also serves the portal's video file, which the channel downloads before uploading.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const YOUTUBE_CREDENTIALS = { clientId: 'yt-client-id', clientSecret: 'yt-client-secret-XYZ', refreshToken: 'yt-refresh-token-ABC' };
const CHUNK_UNIT = 256 * 1024;

interface Session {
  id: string;
  metadata: { snippet: { title: string; description: string }; status: { privacyStatus: string } };
  total: number;
  bytes: Buffer[];
  received: number;
  videoId?: string;
  expired: boolean;
}

export interface StoredVideo {
  id: string;
  title: string;
  description: string;
  privacyStatus: string;
  bytes: Buffer;
}

interface ChunkFailure {
  status: number;
  /** Store the chunk (and make the video if it was the last) before failing: a lost reply. */
  afterCommit: boolean;
  /** Wait for the chunk that completes the upload. */
  onlyFinal?: boolean;
  /** Wait for the chunk that starts at this byte. */
  startingAt?: number;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const googleError = (res: ServerResponse, code: number, reason: string, message: string) =>
  res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code, message, errors: [{ domain: 'youtube.video', reason, message }] } }));

export async function startYoutubeStandIn(videoFile: Buffer) {
  const accessTokens = new Set<string>();
  const sessions = new Map<string, Session>();
  const videos: StoredVideo[] = [];
  const chunkFailures: ChunkFailure[] = [];
  const initFailures: { status: number; reason: string; message: string }[] = [];
  const log: { method: string; path: string; contentRange?: string; bodyBytes: number }[] = [];
  let refreshRevoked = false;
  let base = '';

  const videoResource = (session: Session) => ({
    kind: 'youtube#video',
    id: session.videoId,
    snippet: session.metadata.snippet,
    status: { uploadStatus: 'uploaded', privacyStatus: session.metadata.status.privacyStatus },
  });

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', base);
    log.push({ method: req.method ?? '', path: url.pathname, contentRange: req.headers['content-range'], bodyBytes: body.length });

    if (req.method === 'GET' && url.pathname === '/portal/video.mp4') {
      return res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(videoFile.length) }).end(videoFile);
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(body.toString());
      if (form.get('client_id') !== YOUTUBE_CREDENTIALS.clientId || form.get('client_secret') !== YOUTUBE_CREDENTIALS.clientSecret) {
        return res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: 'The OAuth client was not found.' }));
      }
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== YOUTUBE_CREDENTIALS.refreshToken || refreshRevoked) {
        return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
      }
      const token = `ya29.${randomBytes(12).toString('hex')}`;
      accessTokens.add(token);
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/youtube.upload' }));
    }
    if (url.pathname !== '/upload/youtube/v3/videos') return googleError(res, 404, 'notFound', 'Not Found');
    if (!accessTokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
      return googleError(res, 401, 'authError', 'Request had invalid authentication credentials.');
    }

    if (req.method === 'POST') {
      if (url.searchParams.get('uploadType') !== 'resumable' || url.searchParams.get('part') !== 'snippet,status') return googleError(res, 400, 'invalidParameter', 'uploadType and part are required');
      const failure = initFailures.shift();
      if (failure) return googleError(res, failure.status, failure.reason, failure.message);
      const total = Number(req.headers['x-upload-content-length']);
      if (!Number.isInteger(total) || total <= 0 || !req.headers['x-upload-content-type']) return googleError(res, 400, 'badContent', 'X-Upload-Content-Length and -Type are required');
      const metadata = JSON.parse(body.toString()) as Session['metadata'];
      if (!metadata.snippet?.title || [...metadata.snippet.title].length > 100 || /[<>]/.test(metadata.snippet.title)) return googleError(res, 400, 'invalidTitle', 'The request metadata specifies an invalid video title.');
      const id = randomBytes(9).toString('base64url');
      sessions.set(id, { id, metadata, total, bytes: [], received: 0, expired: false });
      return res.writeHead(200, { location: `${base}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}` }).end();
    }

    if (req.method === 'PUT') {
      const session = sessions.get(url.searchParams.get('upload_id') ?? '');
      if (!session || session.expired) return googleError(res, 404, 'notFound', 'Upload session not found or expired.');
      const range = req.headers['content-range'] ?? '';
      const incomplete = () => res.writeHead(308, session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {}).end();
      const status = /^bytes \*\/(\d+)$/.exec(range);
      if (status) {
        if (session.videoId) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(videoResource(session)));
        return incomplete();
      }
      const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
      if (!chunk || Number(chunk[3]) !== session.total || Number(chunk[2]) - Number(chunk[1]) + 1 !== body.length) return googleError(res, 400, 'badContent', 'Invalid Content-Range');
      const start = Number(chunk[1]);
      const last = Number(chunk[2]) === session.total - 1;
      if (!last && body.length % CHUNK_UNIT !== 0) return googleError(res, 400, 'badContent', 'Chunk size must be a multiple of 256 KiB');
      if (start !== session.received) return incomplete();
      const index = chunkFailures.findIndex((f) => (!f.onlyFinal || last) && (f.startingAt === undefined || f.startingAt === start));
      const failure = index >= 0 ? chunkFailures.splice(index, 1)[0] : undefined;
      if (failure && !failure.afterCommit) return googleError(res, failure.status, 'backendError', 'Backend Error');
      session.bytes.push(body);
      session.received += body.length;
      if (last && !session.videoId) {
        session.videoId = randomBytes(8).toString('base64url').slice(0, 11);
        const { title, description } = session.metadata.snippet;
        videos.push({ id: session.videoId, title, description, privacyStatus: session.metadata.status.privacyStatus, bytes: Buffer.concat(session.bytes) });
      }
      if (failure) return googleError(res, failure.status, 'backendError', 'Backend Error');
      if (last) return res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(videoResource(session)));
      return incomplete();
    }
    return googleError(res, 405, 'methodNotAllowed', 'Method not allowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    videoUrl: `${base}/portal/video.mp4`,
    env: {
      YOUTUBE_CLIENT_ID: YOUTUBE_CREDENTIALS.clientId,
      YOUTUBE_CLIENT_SECRET: YOUTUBE_CREDENTIALS.clientSecret,
      YOUTUBE_REFRESH_TOKEN: YOUTUBE_CREDENTIALS.refreshToken,
      YOUTUBE_API_URL: base,
      YOUTUBE_OAUTH_URL: base,
    },
    videos,
    sessions,
    log,
    /** Requests that carried video bytes to an upload session. */
    chunkPuts: () => log.filter((r) => r.method === 'PUT' && r.bodyBytes > 0),
    failNextChunk(failure: ChunkFailure) {
      chunkFailures.push(failure);
    },
    failNextInit(status: number, reason: string, message: string) {
      initFailures.push({ status, reason, message });
    },
    expireSessions() {
      for (const session of sessions.values()) session.expired = true;
    },
    revokeRefreshToken() {
      refreshRevoked = true;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export type YoutubeStandIn = Awaited<ReturnType<typeof startYoutubeStandIn>>;
