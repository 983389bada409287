// A Zalo Official Account stand-in on 127.0.0.1: the documented request and answer shapes of
// article create/verify/update/getslice/getdetail/remove and the v4 OA token refresh, with knobs for the
// failures the channel must survive. Test code; it knows nothing of our modules.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StoredArticle {
  id: string;
  title: string;
  description: string;
  author: string;
  cover: unknown;
  body: Array<Record<string, unknown>>;
  status: string;
  verified: boolean;
  createdAt: number;
}

export interface ZaloOaStandIn {
  openApiUrl: string;
  oauthUrl: string;
  appId: string;
  appSecret: string;
  /** The pair the commune pasted into its environment. */
  initial: { accessToken: string; refreshToken: string };
  requests: RecordedRequest[];
  articles: Map<string, StoredArticle>;
  /** Refresh tokens presented after they had been spent. */
  reusedRefreshTokens: string[];
  /** Every access token ever issued (to check none leaks into an error). */
  issuedSecrets(): string[];
  calls(path: string): RecordedRequest[];
  expireAccessTokens(): void;
  rateLimitNext(calls: number): void;
  /** The next create stores the article, then answers 502 ('502') or drops the connection ('drop'). */
  commitThenFail(how: '502' | 'drop'): void;
  /** The next remove deletes the article, then drops the connection: the answer is lost. */
  removeThenDrop(): void;
  /** Broadcasts sent to the followers, in order. */
  broadcasts: Array<{ articleId: string; messageId: string }>;
  /** The next broadcast goes out, then the connection drops: the answer is lost. */
  broadcastThenDrop(): void;
  /** The next broadcast is refused (-201): nothing goes out. */
  refuseNextBroadcast(): void;
  /** Ids of the articles removed through the API. */
  removed: string[];
  /** The next N verify calls answer 503. */
  failVerifyNext(calls: number): void;
  /** The next create or update answers -201 with this message. */
  invalidFieldNext(message: string): void;
  /** An administrator grants the app access again: a brand-new pair, as the OAuth flow gives. */
  authorise(): Promise<{ accessToken: string; refreshToken: string }>;
  /** Every refresh answers only after this long, so refreshes in flight overlap. */
  slowRefresh(ms: number): void;
  /** Every refresh is refused from now on (the app was de-authorised). */
  rejectRefreshes(): void;
  close(): Promise<void>;
}

const ok = (data: unknown) => ({ error: 0, message: 'Success', data });
const fail = (error: number, message: string) => ({ error, message });
const secret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startZaloOaStandIn(): Promise<ZaloOaStandIn> {
  const appId = '4301234567890123456';
  const appSecret = secret('appsecret');
  const initial = { accessToken: secret('access'), refreshToken: secret('refresh') };
  const liveAccess = new Set([initial.accessToken]);
  const expiredAccess = new Set<string>();
  const liveRefresh = new Set([initial.refreshToken]);
  const spentRefresh = new Set<string>();
  const issued = [initial.accessToken, initial.refreshToken, appSecret];
  const articles = new Map<string, StoredArticle>();
  const pending = new Map<string, { id: string; update?: Partial<StoredArticle> }>();
  const requests: RecordedRequest[] = [];
  const reusedRefreshTokens: string[] = [];
  let rateLimited = 0;
  let commitFailure: '502' | 'drop' | undefined;
  let dropAfterRemove = false;
  let refreshDelayMs = 0;
  let dropAfterBroadcast = false;
  let refuseBroadcast = false;
  const broadcasts: Array<{ articleId: string; messageId: string }> = [];
  const removed: string[] = [];
  let verifyFailures = 0;
  let invalidField: string | undefined;
  let refusing = false;
  let nextId = 1_000_000;
  let base = '';

  function tokenError(req: IncomingMessage) {
    const token = req.headers.access_token;
    if (typeof token !== 'string' || !token) return fail(-216, 'Access token is invalid');
    if (expiredAccess.has(token)) return fail(-220, 'Access token has expired');
    if (!liveAccess.has(token)) return fail(-216, 'Access token is invalid');
    return undefined;
  }

  function validate(article: Record<string, unknown>): string | undefined {
    if (invalidField) {
      const message = invalidField;
      invalidField = undefined;
      return message;
    }
    const title = article.title;
    if (typeof title !== 'string' || title.length < 1 || title.length > 150) return 'title allow 1 to 150 characters';
    if (typeof article.description !== 'string' || article.description.length > 300) return 'description allow 1 to 300 characters';
    if (typeof article.author === 'string' && article.author.length > 50) return 'author allow 1 to 50 characters';
    const cover = article.cover as { cover_type?: string; photo_url?: string } | undefined;
    if (!cover || cover.cover_type !== 'photo' || !cover.photo_url) return 'cover value is invalid';
    if (!Array.isArray(article.body) || article.body.length === 0) return 'body value is invalid';
    return undefined;
  }

  function articleFrom(json: Record<string, unknown>) {
    return {
      title: String(json.title),
      description: String(json.description),
      author: String(json.author ?? ''),
      cover: json.cover,
      body: json.body as Array<Record<string, unknown>>,
      status: String(json.status ?? 'show'),
    };
  }

  async function openApi(req: IncomingMessage, res: ServerResponse, url: URL, json: Record<string, unknown>) {
    const send = (answer: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    const denied = tokenError(req);
    if (denied) return send(denied);
    if (rateLimited > 0) {
      rateLimited -= 1;
      return send(fail(-32, 'The request exceeded the limit per minute'));
    }
    switch (`${req.method} ${url.pathname}`) {
      case 'POST /v2.0/article/create': {
        if (json.type !== 'normal') return send(fail(-201, 'type is invalid'));
        const invalid = validate(json);
        if (invalid) return send(fail(-201, invalid));
        const id = String((nextId += 1));
        articles.set(id, { id, ...articleFrom(json), verified: false, createdAt: Date.now() + nextId });
        const token = secret('article-token');
        pending.set(token, { id });
        const failure = commitFailure;
        commitFailure = undefined;
        if (failure === '502') return res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
        if (failure === 'drop') return req.socket.destroy();
        return send(ok({ token }));
      }
      case 'POST /v2.0/article/update': {
        const id = String(json.id ?? '');
        if (!articles.has(id)) return send(fail(-201, 'id is invalid'));
        const invalid = validate(json);
        if (invalid) return send(fail(-201, invalid));
        const token = secret('article-token');
        pending.set(token, { id, update: articleFrom(json) });
        return send(ok({ token }));
      }
      case 'POST /v2.0/article/verify': {
        if (verifyFailures > 0) {
          verifyFailures -= 1;
          return res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        }
        const found = pending.get(String(json.token ?? ''));
        if (!found) return send(fail(-201, 'token is invalid'));
        const article = articles.get(found.id)!;
        Object.assign(article, found.update ?? {}, { verified: true });
        return send(ok({ id: found.id }));
      }
      // Not in FACTS.md; the shape of Zalo's own SDK (zaloplatform/zalo-java-sdk, RemoveArticle.java).
      case 'POST /v2.0/article/remove': {
        const id = String(json.id ?? '');
        if (!articles.has(id)) return send(fail(-201, 'id is invalid'));
        articles.delete(id);
        removed.push(id);
        if (dropAfterRemove) {
          dropAfterRemove = false;
          return req.socket.destroy();
        }
        return send(ok({ id }));
      }
      // Broadcast to followers: recipient.target and a media template whose element is an article.
      case 'POST /v2.0/oa/message': {
        const recipient = json.recipient as { target?: unknown } | undefined;
        if (!recipient || typeof recipient.target !== 'object' || recipient.target === null) return send(fail(-201, 'recipient is invalid'));
        const payload = (json.message as { attachment?: { type?: string; payload?: { template_type?: string; elements?: Array<{ media_type?: string; attachment_id?: string }> } } } | undefined)?.attachment;
        if (payload?.type !== 'template' || payload.payload?.template_type !== 'media') return send(fail(-201, 'template_type is invalid'));
        const [element] = payload.payload.elements ?? [];
        if (element?.media_type !== 'article' || !articles.has(String(element.attachment_id ?? ''))) return send(fail(-201, 'attachment_id is invalid'));
        if (refuseBroadcast) {
          refuseBroadcast = false;
          return send(fail(-201, 'recipient.target is invalid'));
        }
        const messageId = `bc-${randomBytes(8).toString('hex')}`;
        broadcasts.push({ articleId: String(element.attachment_id), messageId });
        if (dropAfterBroadcast) {
          dropAfterBroadcast = false;
          return req.socket.destroy();
        }
        return send(ok({ message_id: messageId }));
      }
      case 'GET /v2.0/article/getslice': {
        const limit = Number(url.searchParams.get('limit') ?? '10');
        const offset = Number(url.searchParams.get('offset') ?? '0');
        if (limit > 10) return send(fail(-201, 'maximum limit is 10'));
        if (url.searchParams.get('type') !== 'normal' && url.searchParams.get('type') !== 'video') return send(fail(-201, 'type accept only 2 value normal and video.'));
        const newest = [...articles.values()].sort((a, b) => b.createdAt - a.createdAt);
        const medias = newest.slice(offset, offset + limit).map((a) => ({ id: a.id, type: 'normal', title: a.title, status: a.status, thumb: (a.cover as { photo_url?: string }).photo_url, create_date: a.createdAt }));
        return send(ok({ medias, total: newest.length }));
      }
      case 'GET /v2.0/article/getdetail': {
        const article = articles.get(url.searchParams.get('id') ?? '');
        if (!article) return send(fail(-201, 'id is invalid'));
        const { verified: _verified, createdAt: _createdAt, ...shown } = article;
        return send(ok({ ...shown, type: 'normal', link: `${base}/public/article/${article.id}` }));
      }
      default:
        return res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(fail(-210, 'API not found')));
    }
  }

  async function oauth(req: IncomingMessage, res: ServerResponse, form: URLSearchParams) {
    if (refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
    const send = (answer: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    const refusal = (description: string) => send({ error: -14014, error_name: 'Invalid refresh token', error_description: description });
    if (req.headers.secret_key !== appSecret) return send({ error: -14002, error_name: 'Invalid app secret', error_description: 'secret_key is invalid' });
    if (form.get('app_id') !== appId) return send({ error: -14001, error_name: 'Invalid app id', error_description: 'app_id is invalid' });
    if (form.get('grant_type') !== 'refresh_token') return send({ error: -14003, error_name: 'Invalid grant type', error_description: 'grant_type is invalid' });
    const refreshToken = form.get('refresh_token') ?? '';
    if (spentRefresh.has(refreshToken)) {
      reusedRefreshTokens.push(refreshToken);
      return refusal('refresh_token has been used');
    }
    if (refusing || !liveRefresh.has(refreshToken)) return refusal('refresh_token is invalid or expired');
    liveRefresh.delete(refreshToken);
    spentRefresh.add(refreshToken);
    for (const token of liveAccess) expiredAccess.add(token);
    liveAccess.clear();
    const next = { access_token: secret('access'), refresh_token: secret('refresh'), expires_in: '90000' };
    liveAccess.add(next.access_token);
    liveRefresh.add(next.refresh_token);
    issued.push(next.access_token, next.refresh_token);
    return send(next);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = await readBody(req);
      const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      let body: unknown = text;
      if (isForm) body = Object.fromEntries(new URLSearchParams(text));
      else if (text) body = JSON.parse(text);
      requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      if (url.pathname === '/oauth/v4/oa/access_token' && req.method === 'POST') return oauth(req, res, new URLSearchParams(text));
      if (url.pathname.startsWith('/openapi/')) {
        url.pathname = url.pathname.slice('/openapi'.length);
        return openApi(req, res, url, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>);
      }
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    openApiUrl: `${base}/openapi`,
    oauthUrl: `${base}/oauth`,
    appId,
    appSecret,
    initial,
    requests,
    articles,
    reusedRefreshTokens,
    issuedSecrets: () => [...issued],
    calls: (path) => requests.filter((r) => r.path.endsWith(path)),
    expireAccessTokens() {
      for (const token of liveAccess) expiredAccess.add(token);
      liveAccess.clear();
    },
    rateLimitNext(calls) {
      rateLimited = calls;
    },
    broadcasts,
    broadcastThenDrop() {
      dropAfterBroadcast = true;
    },
    refuseNextBroadcast() {
      refuseBroadcast = true;
    },
    removed,
    removeThenDrop() {
      dropAfterRemove = true;
    },
    commitThenFail(how) {
      commitFailure = how;
    },
    failVerifyNext(calls) {
      verifyFailures = calls;
    },
    invalidFieldNext(message) {
      invalidField = message;
    },
    async authorise() {
      const pair = { accessToken: secret('access'), refreshToken: secret('refresh') };
      liveAccess.add(pair.accessToken);
      liveRefresh.add(pair.refreshToken);
      issued.push(pair.accessToken, pair.refreshToken);
      return pair;
    },
    slowRefresh(ms) {
      refreshDelayMs = ms;
    },
    rejectRefreshes() {
      refusing = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The environment that points the Zalo channel at this stand-in with its first token pair. */
export function zaloEnvOf(oa: ZaloOaStandIn): Record<string, string> {
  return {
    ZALO_OA_ACCESS_TOKEN: oa.initial.accessToken,
    ZALO_OA_REFRESH_TOKEN: oa.initial.refreshToken,
    ZALO_APP_ID: oa.appId,
    ZALO_APP_SECRET: oa.appSecret,
    ZALO_OPENAPI_URL: oa.openApiUrl,
    ZALO_OAUTH_URL: oa.oauthUrl,
  };
}
