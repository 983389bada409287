// TikTok's Content Posting API (direct post, FILE_UPLOAD) and OAuth on 127.0.0.1, in the
// documented shapes: https://developers.tiktok.com/doc/content-posting-api-reference-direct-post
// It also serves the portal's video file. The app is unaudited: SELF_ONLY is the only option.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TIKTOK_CREDENTIALS = { clientKey: 'tt-client-key', clientSecret: 'tt-client-secret-QRS', accessToken: 'act.initial-token', refreshToken: 'rft.initial-refresh' };
const MB = 1024 * 1024;

interface Publish {
  id: string;
  title: string;
  privacy: string;
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  uploadToken: string;
  received: number;
  bytes: Buffer[];
  status: 'PROCESSING_UPLOAD' | 'PUBLISH_COMPLETE' | 'FAILED';
  failReason?: string;
  pollsUntilComplete: number;
}

interface ChunkFailure {
  status: number;
  afterCommit: boolean;
  onlyFinal?: boolean;
  startingAt?: number;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const envelope = (res: ServerResponse, status: number, code: string, data: unknown = {}, message = '') =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ data, error: { code, message, log_id: randomBytes(8).toString('hex') } }));

export async function startTiktokStandIn(videoFile: Buffer) {
  const accessTokens = new Set([TIKTOK_CREDENTIALS.accessToken]);
  let refreshToken = TIKTOK_CREDENTIALS.refreshToken;
  const publishes = new Map<string, Publish>();
  const chunkFailures: ChunkFailure[] = [];
  const initFailures: { status: number; code: string }[] = [];
  const log: { method: string; path: string; contentRange?: string; bodyBytes: number; bearer?: string }[] = [];
  let processingPolls = 0;
  let refreshDelayMs = 0;
  const spentRefreshTokens = new Set<string>();
  const reusedRefreshTokens: string[] = [];
  const refreshes: { refreshToken: string; answeredWith?: string }[] = [];
  let latestAccessToken = TIKTOK_CREDENTIALS.accessToken;

  // https://developers.tiktok.com/doc/oauth-user-access-token-management: form-encoded
  // client_key, client_secret, grant_type=refresh_token, refresh_token; the answer carries a new
  // refresh token and the one sent stops working. Errors: {error, error_description, log_id}
  // (https://developers.tiktok.com/doc/oauth-error-handling).
  async function oauthToken(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const refuse = (error: string, description: string) =>
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error, error_description: description, log_id: randomBytes(8).toString('hex') }));
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return refuse('invalid_request', 'The request parameters are malformed.');
    const form = new URLSearchParams(body.toString());
    if (form.get('grant_type') !== 'refresh_token') return refuse('unsupported_grant_type', 'The grant type is not supported.');
    if (form.get('client_key') !== TIKTOK_CREDENTIALS.clientKey || form.get('client_secret') !== TIKTOK_CREDENTIALS.clientSecret) return refuse('invalid_client', 'Client key or secret is invalid.');
    const presented = form.get('refresh_token') ?? '';
    const refresh: { refreshToken: string; answeredWith?: string } = { refreshToken: presented };
    refreshes.push(refresh);
    if (refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
    if (spentRefreshTokens.has(presented)) reusedRefreshTokens.push(presented);
    if (presented !== refreshToken) return refuse('invalid_grant', 'Refresh token is invalid or expired.');
    spentRefreshTokens.add(refreshToken);
    const accessToken = `act.${randomBytes(8).toString('hex')}`;
    refreshToken = `rft.${randomBytes(8).toString('hex')}`;
    accessTokens.add(accessToken);
    latestAccessToken = accessToken;
    refresh.answeredWith = accessToken;
    return res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ access_token: accessToken, expires_in: 86400, open_id: 'open-1', refresh_expires_in: 31536000, refresh_token: refreshToken, scope: 'video.publish', token_type: 'Bearer' }));
  }
  let failNextPublish: string | undefined;
  let base = '';

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', base);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    log.push({ method: req.method ?? '', path: url.pathname, contentRange: req.headers['content-range'], bodyBytes: body.length, bearer });

    if (req.method === 'GET' && url.pathname === '/portal/video.mp4') return res.writeHead(200, { 'content-type': 'video/mp4' }).end(videoFile);

    if (req.method === 'PUT' && url.pathname.startsWith('/upload/')) {
      const publish = [...publishes.values()].find((p) => p.uploadToken === url.pathname.slice('/upload/'.length));
      if (!publish) return res.writeHead(404).end();
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
      if (!range || Number(range[3]) !== publish.videoSize || Number(range[2]) - Number(range[1]) + 1 !== body.length) return res.writeHead(400).end();
      const start = Number(range[1]);
      const index = start / publish.chunkSize;
      const last = index === publish.totalChunkCount - 1;
      const expected = last ? publish.videoSize - start : publish.chunkSize;
      if (start !== publish.received || !Number.isInteger(index) || body.length !== expected) return res.writeHead(416).end();
      const at = chunkFailures.findIndex((f) => (!f.onlyFinal || last) && (f.startingAt === undefined || f.startingAt === start));
      const failure = at >= 0 ? chunkFailures.splice(at, 1)[0] : undefined;
      if (failure && !failure.afterCommit) return res.writeHead(failure.status).end();
      publish.bytes.push(body);
      publish.received += body.length;
      if (failure) return res.writeHead(failure.status).end();
      return res.writeHead(last ? 201 : 206).end();
    }

    if (req.method !== 'POST') return res.writeHead(405).end();
    if (url.pathname === '/v2/oauth/token/') return oauthToken(req, res, body);
    if (!accessTokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
      return envelope(res, 401, 'access_token_invalid', {}, 'The access token is invalid or not found in the request.');
    }
    const json = body.length ? JSON.parse(body.toString()) : {};

    if (url.pathname === '/v2/post/publish/creator_info/query/') {
      return envelope(res, 200, 'ok', { creator_username: 'xathanhthuy', creator_nickname: 'Xã Thanh Thủy', creator_avatar_url: '', privacy_level_options: ['SELF_ONLY'], comment_disabled: false, duet_disabled: false, stitch_disabled: false, max_video_post_duration_sec: 600 });
    }
    if (url.pathname === '/v2/post/publish/video/init/') {
      const failure = initFailures.shift();
      if (failure) return envelope(res, failure.status, failure.code, {}, failure.code === 'rate_limit_exceeded' ? 'API rate limit exceeded.' : 'Internal error.');
      const { post_info: post, source_info: source } = json;
      if (post?.privacy_level !== 'SELF_ONLY') return envelope(res, 403, 'unaudited_client_can_only_post_to_private_accounts', {}, 'Please review our integration guidelines.');
      const size = source?.video_size;
      const chunk = source?.chunk_size;
      const validChunks = size < 5 * MB
        ? chunk === size && source.total_chunk_count === 1
        : chunk >= 5 * MB && chunk <= 64 * MB && source.total_chunk_count === Math.floor(size / chunk) && size - chunk * (source.total_chunk_count - 1) <= 128 * MB;
      if (source?.source !== 'FILE_UPLOAD' || !validChunks) return envelope(res, 400, 'invalid_params', {}, 'Invalid chunk settings.');
      const publish: Publish = {
        id: `v_pub_file~v2-1.${randomBytes(8).toString('hex')}`, title: post.title, privacy: post.privacy_level,
        videoSize: size, chunkSize: chunk, totalChunkCount: source.total_chunk_count,
        uploadToken: randomBytes(12).toString('hex'), received: 0, bytes: [], status: 'PROCESSING_UPLOAD', pollsUntilComplete: processingPolls,
      };
      publishes.set(publish.id, publish);
      return envelope(res, 200, 'ok', { publish_id: publish.id, upload_url: `${base}/upload/${publish.uploadToken}` });
    }
    if (url.pathname === '/v2/post/publish/status/fetch/') {
      const publish = publishes.get(json.publish_id);
      if (!publish) return envelope(res, 400, 'invalid_publish_id', {}, 'publish_id does not exist');
      if (publish.status === 'PROCESSING_UPLOAD' && publish.received === publish.videoSize) {
        if (publish.pollsUntilComplete > 0) publish.pollsUntilComplete--;
        else if (failNextPublish) [publish.status, publish.failReason, failNextPublish] = ['FAILED', failNextPublish, undefined];
        else publish.status = 'PUBLISH_COMPLETE';
      }
      return envelope(res, 200, 'ok', {
        status: publish.status,
        uploaded_bytes: publish.received,
        ...(publish.failReason ? { fail_reason: publish.failReason } : {}),
        // SELF_ONLY posts are not publicly available: the list stays empty.
        publicaly_available_post_id: [],
      });
    }
    return envelope(res, 404, 'invalid_params', {}, 'Unknown endpoint');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    videoUrl: `${base}/portal/video.mp4`,
    env: {
      TIKTOK_ACCESS_TOKEN: TIKTOK_CREDENTIALS.accessToken,
      TIKTOK_REFRESH_TOKEN: TIKTOK_CREDENTIALS.refreshToken,
      TIKTOK_CLIENT_KEY: TIKTOK_CREDENTIALS.clientKey,
      TIKTOK_CLIENT_SECRET: TIKTOK_CREDENTIALS.clientSecret,
      TIKTOK_API_URL: base,
    },
    publishes,
    log,
    completed: () => [...publishes.values()].filter((p) => p.status === 'PUBLISH_COMPLETE'),
    chunkPuts: () => log.filter((r) => r.method === 'PUT'),
    failNextChunk(failure: ChunkFailure) {
      chunkFailures.push(failure);
    },
    failNextInit(status: number, code: string) {
      initFailures.push({ status, code });
    },
    /** Status reads that answer PROCESSING_UPLOAD after all bytes arrived, for new publishes. */
    processFor(polls: number) {
      processingPolls = polls;
    },
    failNextPublishWith(reason: string) {
      failNextPublish = reason;
    },
    expireAccessTokens() {
      accessTokens.clear();
    },
    /** Refresh calls, each with the refresh token it presented and the access token it got. */
    refreshes,
    /** Refresh tokens presented again after TikTok had rotated them away. */
    reusedRefreshTokens,
    /** The refresh token TikTok would accept now, and the access token it issued last. */
    current: () => ({ refreshToken, accessToken: latestAccessToken }),
    /** Every refresh answers only after this long, so refreshes in flight overlap. */
    slowRefresh(ms: number) {
      refreshDelayMs = ms;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export type TiktokStandIn = Awaited<ReturnType<typeof startTiktokStandIn>>;
