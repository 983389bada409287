import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for the Facebook Graph API on 127.0.0.1: the documented request and response
// shapes of a page's feed, post edit, post delete and published_posts, the Graph error body, and knobs for
// the failures Facebook really produces. Test code that speaks HTTP, not a mock of our modules.
// https://developers.facebook.com/docs/graph-api/reference/page/feed
// https://developers.facebook.com/docs/graph-api/reference/post#deleting
// https://developers.facebook.com/docs/graph-api/guides/error-handling

export interface StoredPost {
  id: string;
  message?: string;
  link?: string;
  created_time: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed form or JSON body of a POST. */
  body: Record<string, string>;
  /** The token the request carried, wherever it was (query, body, Authorization). */
  accessToken?: string;
}

export interface GraphFailure {
  status: number;
  code?: number;
  subcode?: number;
  message?: string;
  type?: string;
  headers?: Record<string, string>;
  /** Send this raw text as the body instead of a Graph error (a proxy's HTML page). */
  rawBody?: string;
}

type Knob =
  | { kind: 'fail'; failure: GraphFailure; remaining: number; match: (request: ReceivedRequest) => boolean }
  | { kind: 'commit-then-fail'; remaining: number }
  | { kind: 'delete-then-fail'; remaining: number }
  | { kind: 'hang'; remaining: number; match: (request: ReceivedRequest) => boolean };

export interface GraphStandIn {
  /** Base URL with the version, as FACEBOOK_GRAPH_URL. */
  url: string;
  pageId: string;
  token: string;
  posts: StoredPost[];
  requests: ReceivedRequest[];
  /** The next `times` matching calls answer with this error. */
  failNext(failure: GraphFailure, times?: number, match?: (request: ReceivedRequest) => boolean): void;
  /** The next create stores the post, then answers HTTP 500 code 2, as Facebook has been seen doing. */
  commitThenFail(times?: number): void;
  /** The next delete removes the post, then answers HTTP 500 code 2: the answer is lost. */
  deleteThenFail(times?: number): void;
  /** Posts deleted through the API, by id. */
  deleted: string[];
  /** The next matching calls never answer (until close): a timeout for the client. */
  hangNext(times?: number, match?: (request: ReceivedRequest) => boolean): void;
  /** The next calls answer code 32 (page throttling) with a usage header naming minutes to wait. */
  rateLimitNext(minutes: number, times?: number, header?: 'app' | 'business'): void;
  /** Adds posts made earlier (by hand or by other tools), oldest first. */
  seed(posts: Array<Omit<StoredPost, 'id' | 'created_time'> & { created_time?: string }>): void;
  close(): Promise<void>;
}

const PAGE_SIZE_MAX = 100;

function graphError(failure: GraphFailure) {
  return {
    error: {
      message: failure.message ?? 'An unknown error has occurred.',
      type: failure.type ?? 'OAuthException',
      code: failure.code ?? 1,
      ...(failure.subcode ? { error_subcode: failure.subcode } : {}),
      fbtrace_id: 'AbCdEfStandIn',
    },
  };
}

async function readBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startFacebookGraph({ pageId = '104857600012345', token = 'EAAStandInPageToken0123456789abcdef', version = 'v26.0' } = {}): Promise<GraphStandIn> {
  const posts: StoredPost[] = [];
  const deleted: string[] = [];
  const requests: ReceivedRequest[] = [];
  const knobs: Knob[] = [];
  const hanging = new Set<ServerResponse>();
  let counter = 1_000;
  let clock = Date.parse('2026-11-01T00:00:00Z');
  let base = '';

  const tick = () => {
    clock = Math.max(clock + 1000, Date.now());
    return new Date(clock).toISOString().replace(/\.\d{3}Z$/, '+0000');
  };

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  function fail(response: ServerResponse, failure: GraphFailure) {
    if (failure.rawBody !== undefined) {
      response.writeHead(failure.status, { 'content-type': 'text/html', ...failure.headers });
      response.end(failure.rawBody);
      return;
    }
    send(response, failure.status, graphError(failure), failure.headers);
  }

  function storePost(body: Record<string, string>): StoredPost {
    counter += 1;
    const post: StoredPost = { id: `${pageId}_${counter}`, message: body.message, link: body.link, created_time: tick() };
    posts.push(post);
    return post;
  }

  function publishedPosts(query: Record<string, string>) {
    const fields = (query.fields ?? 'id,message,created_time').match(/\w+(\{[^}]*\})?/g) ?? [];
    const limit = Math.min(Number(query.limit ?? 25) || 25, PAGE_SIZE_MAX);
    const newestFirst = [...posts].reverse();
    const start = query.after ? Number(Buffer.from(query.after, 'base64url').toString()) : 0;
    const slice = newestFirst.slice(start, start + limit);
    const data = slice.map((post) => {
      const shaped: Record<string, unknown> = {};
      for (const field of fields) {
        const name = field.replace(/\{.*$/, '');
        if (name === 'id') shaped.id = post.id;
        if (name === 'message' && post.message !== undefined) shaped.message = post.message;
        if (name === 'created_time') shaped.created_time = post.created_time;
        if (name === 'permalink_url') shaped.permalink_url = permalink(post.id);
        if (name === 'attachments' && post.link) {
          shaped.attachments = {
            data: [{ type: 'share', unshimmed_url: post.link, url: `https://l.facebook.com/l.php?u=${encodeURIComponent(post.link)}&h=AT0standin` }],
          };
        }
      }
      return shaped;
    });
    const paging: Record<string, unknown> = {
      cursors: { before: Buffer.from(String(start)).toString('base64url'), after: Buffer.from(String(start + slice.length)).toString('base64url') },
    };
    if (start + limit < newestFirst.length) {
      // Like Facebook, the next link repeats every parameter, the access token included.
      const next = new URL(`${base}/${pageId}/published_posts`);
      for (const [key, value] of Object.entries(query)) next.searchParams.set(key, value);
      next.searchParams.set('after', Buffer.from(String(start + limit)).toString('base64url'));
      paging.next = next.toString();
    }
    return { data, paging };
  }

  function permalink(postId: string) {
    const [page, post] = postId.split('_');
    return `https://www.facebook.com/${page}/posts/${post}`;
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', base);
    const body = request.method === 'POST' ? await readBody(request) : {};
    const query = Object.fromEntries(url.searchParams);
    const bearer = /^(?:Bearer|OAuth) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      body,
      accessToken: body.access_token ?? query.access_token ?? bearer,
    };
    requests.push(received);

    const prefix = `/${version}/`;
    if (!url.pathname.startsWith(prefix)) return fail(response, { status: 400, code: 2500, message: 'Unknown path components', type: 'OAuthException' });
    const path = url.pathname.slice(prefix.length).split('/');
    const isCreate = received.method === 'POST' && path.length === 2 && path[1] === 'feed';
    const isDelete = received.method === 'DELETE' && path.length === 1;

    const knobIndex = knobs.findIndex(
      (knob) => knob.remaining > 0 && (knob.kind === 'commit-then-fail' ? isCreate : knob.kind === 'delete-then-fail' ? isDelete : knob.match(received)),
    );
    const knob = knobIndex >= 0 ? knobs[knobIndex] : undefined;
    if (knob) {
      knob.remaining -= 1;
      if (knob.remaining === 0) knobs.splice(knobIndex, 1);
      if (knob.kind === 'hang') {
        hanging.add(response);
        return;
      }
      if (knob.kind === 'fail') return fail(response, knob.failure);
    }

    if (received.accessToken !== token) {
      return fail(response, { status: 400, code: 190, subcode: 463, type: 'OAuthException', message: 'Error validating access token: Session has expired.' });
    }

    if (isCreate) {
      if (path[0] !== pageId) return fail(response, { status: 403, code: 200, message: '(#200) The user hasn\'t authorized the application to perform this action', type: 'OAuthException' });
      if (!body.message && !body.link) return fail(response, { status: 400, code: 100, message: '(#100) Missing message or attachment', type: 'OAuthException' });
      const previous = posts.at(-1);
      if (previous && previous.message === body.message && previous.link === body.link) {
        return fail(response, { status: 400, code: 506, message: 'Duplicate status message', type: 'OAuthException' });
      }
      const post = storePost(body);
      if (knob?.kind === 'commit-then-fail') return fail(response, { status: 500, code: 2, message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException' });
      return send(response, 200, { id: post.id });
    }
    if (received.method === 'POST' && path.length === 1) {
      const post = posts.find((candidate) => candidate.id === path[0]);
      if (!post) return fail(response, { status: 400, code: 100, subcode: 33, type: 'GraphMethodException', message: `Unsupported post request. Object with ID '${path[0]}' does not exist` });
      if (body.message !== undefined) post.message = body.message;
      return send(response, 200, { success: true });
    }
    if (isDelete) {
      const at = posts.findIndex((candidate) => candidate.id === path[0]);
      if (at < 0) {
        return fail(response, {
          status: 400,
          code: 100,
          subcode: 33,
          type: 'GraphMethodException',
          message: `Unsupported delete request. Object with ID '${path[0]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        });
      }
      posts.splice(at, 1);
      deleted.push(path[0]);
      if (knob?.kind === 'delete-then-fail') return fail(response, { status: 500, code: 2, message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException' });
      return send(response, 200, { success: true });
    }
    if (received.method === 'GET' && path.length === 2 && path[0] === pageId && path[1] === 'published_posts') {
      return send(response, 200, publishedPosts(query));
    }
    if (received.method === 'GET' && path.length === 1) {
      const post = posts.find((candidate) => candidate.id === path[0]);
      if (!post) return fail(response, { status: 400, code: 100, subcode: 33, type: 'GraphMethodException', message: `Unsupported get request. Object with ID '${path[0]}' does not exist` });
      return send(response, 200, { id: post.id, permalink_url: permalink(post.id) });
    }
    return fail(response, { status: 400, code: 100, message: 'Unknown path', type: 'GraphMethodException' });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: { message: String(error), code: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${version}`;

  const always = () => true;
  return {
    url: base,
    pageId,
    token,
    posts,
    deleted,
    requests,
    deleteThenFail(times = 1) {
      knobs.push({ kind: 'delete-then-fail', remaining: times });
    },
    failNext(failure, times = 1, match = always) {
      knobs.push({ kind: 'fail', failure, remaining: times, match });
    },
    commitThenFail(times = 1) {
      knobs.push({ kind: 'commit-then-fail', remaining: times });
    },
    hangNext(times = 1, match = always) {
      knobs.push({ kind: 'hang', remaining: times, match });
    },
    rateLimitNext(minutes, times = 1, header = 'business') {
      const usage = { call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: minutes };
      const headers: Record<string, string> =
        header === 'app'
          ? { 'X-App-Usage': JSON.stringify(usage) }
          : { 'X-Business-Use-Case-Usage': JSON.stringify({ [pageId]: [{ type: 'pages', ...usage }] }) };
      knobs.push({
        kind: 'fail',
        remaining: times,
        match: always,
        failure: { status: 400, code: header === 'app' ? 4 : 32, message: header === 'app' ? '(#4) Application request limit reached' : '(#32) Page request limit reached', headers },
      });
    },
    seed(earlier) {
      for (const post of earlier) {
        counter += 1;
        posts.push({ id: `${pageId}_${counter}`, message: post.message, link: post.link, created_time: post.created_time ?? tick() });
      }
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
