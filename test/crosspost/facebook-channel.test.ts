import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Progress, Publication } from '../../scripts/crosspost/channels/channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../../scripts/crosspost/channels/channel-errors.ts';
import { createFacebookChannel } from '../../scripts/crosspost/channels/facebook/index.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startFacebookGraph, type GraphStandIn } from './stand-ins/facebook-graph.ts';

/** The ledger's side of Progress, in memory: what the runner would persist per job. */
function memoryProgress(saved: Record<string, unknown> = {}): Progress & { saved: Record<string, unknown> } {
  const state = { ...saved };
  return {
    get saved() {
      return state;
    },
    async save(step) {
      Object.assign(state, step);
    },
  };
}

const publication = (overrides: Partial<Publication> = {}): Publication => ({
  documentId: 'doc-ttb-001',
  kind: 'article',
  url: 'https://thanhthuy.example.vn/tin-tuc/hoi-nghi-trien-khai-chuyen-doi-so',
  title: 'Hội nghị triển khai chuyển đổi số năm 2026',
  summary: 'Ủy ban nhân dân xã tổ chức hội nghị triển khai kế hoạch chuyển đổi số.',
  caption: 'Hội nghị triển khai chuyển đổi số năm 2026\n\nhttps://thanhthuy.example.vn/tin-tuc/hoi-nghi-trien-khai-chuyen-doi-so',
  publishedAt: '2026-11-26T08:00:00.000Z',
  ...overrides,
});

let graph: GraphStandIn;
let channel: Channel;

function channelFor(stand: GraphStandIn, overrides: Record<string, string | undefined> = {}, options = {}): Channel {
  const made = createFacebookChannel(
    {
      FACEBOOK_PAGE_ID: stand.pageId,
      FACEBOOK_PAGE_ACCESS_TOKEN: stand.token,
      FACEBOOK_GRAPH_URL: stand.url,
      // Short, so the hanging stand-in becomes a timeout quickly; the default is 20 s.
      FACEBOOK_TIMEOUT_MS: '400',
      ...overrides,
    },
    options,
  );
  if (!made) throw new Error('the Facebook channel should exist with a page id and a token');
  return made;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

beforeEach(async () => {
  graph = await startFacebookGraph();
  channel = channelFor(graph);
});

afterEach(async () => {
  await graph.close();
});

describe('the Facebook channel settings', () => {
  it('there is no channel (outbox mode) when the page id or the token is absent or blank', () => {
    expect(createFacebookChannel({})).toBeUndefined();
    expect(createFacebookChannel({ FACEBOOK_PAGE_ID: '104857600012345' })).toBeUndefined();
    expect(createFacebookChannel({ FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAtoken' })).toBeUndefined();
    expect(createFacebookChannel({ FACEBOOK_PAGE_ID: '104857600012345', FACEBOOK_PAGE_ACCESS_TOKEN: '  ' })).toBeUndefined();
  });

  it('a malformed setting is refused with the variable named and the token not echoed', () => {
    const secret = 'EAAsecretTokenThatMustNotLeak';
    expect(() => createFacebookChannel({ FACEBOOK_PAGE_ID: '104857600012345', FACEBOOK_PAGE_ACCESS_TOKEN: secret, FACEBOOK_GRAPH_URL: 'not a url' })).toThrow(/FACEBOOK_GRAPH_URL/);
    expect(() => createFacebookChannel({ FACEBOOK_PAGE_ID: 'thanh-thuy', FACEBOOK_PAGE_ACCESS_TOKEN: secret })).toThrow(/FACEBOOK_PAGE_ID/);
    try {
      createFacebookChannel({ FACEBOOK_PAGE_ID: 'x', FACEBOOK_PAGE_ACCESS_TOKEN: secret });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
    }
  });

  it('the Graph API v26.0 is the default base URL', async () => {
    const { readFacebookEnv } = await import('../../scripts/crosspost/channels/facebook/facebook-env.ts');
    expect(readFacebookEnv({ FACEBOOK_PAGE_ID: '1', FACEBOOK_PAGE_ACCESS_TOKEN: 't' })).toEqual({
      pageId: '1',
      token: 't',
      graphUrl: 'https://graph.facebook.com/v26.0',
      timeoutMs: 20_000,
    });
  });
});

describe('posting to the page', () => {
  it('create posts the caption as message and the portal URL as link, and returns the post id and its permalink', async () => {
    const progress = memoryProgress();
    const post = await channel.create(publication(), progress);

    expect(graph.posts).toHaveLength(1);
    expect(post.remoteId).toBe(graph.posts[0].id);
    expect(post.remoteId).toMatch(new RegExp(`^${graph.pageId}_\\d+$`));
    expect(post.remoteUrl).toBe(`https://www.facebook.com/${graph.pageId}/posts/${post.remoteId.split('_')[1]}`);

    const create = graph.requests.find((request) => request.method === 'POST');
    expect(create?.path).toBe(`/v26.0/${graph.pageId}/feed`);
    expect(create?.body).toEqual({ message: publication().caption, link: publication().url, access_token: graph.token });
    // The token travels in the body of a POST, never in its URL (URLs end up in logs).
    expect(create?.query).toEqual({});
    expect(typeof progress.saved.facebookAttemptStartedAt).toBe('string');
  });

  it('create still names the post when its permalink cannot be read', async () => {
    graph.failNext({ status: 500, code: 2 }, 1, (request) => request.method === 'GET');
    const post = await channel.create(publication(), memoryProgress());
    expect(post.remoteUrl).toBe(`https://www.facebook.com/${post.remoteId}`);
    expect(graph.posts).toHaveLength(1);
  });

  it('update sets the new message on the existing post and keeps its id', async () => {
    const post = await channel.create(publication(), memoryProgress());
    const edited = publication({ caption: 'Đã cập nhật: hội nghị dời sang thứ Sáu.' });
    const updated = await channel.update!(post, edited, memoryProgress());

    expect(updated).toEqual(post);
    expect(graph.posts).toHaveLength(1);
    expect(graph.posts[0].message).toBe('Đã cập nhật: hội nghị dời sang thứ Sáu.');
    const edit = graph.requests.filter((request) => request.method === 'POST').at(-1);
    expect(edit?.path).toBe(`/v26.0/${post.remoteId}`);
    expect(edit?.body).toEqual({ message: edited.caption, access_token: graph.token });
  });
});

describe('finding an earlier post', () => {
  it('find finds the post that links to the piece, reading further pages of published_posts', async () => {
    graph.seed([{ message: 'Bài của chúng ta', link: publication().url, created_time: '2026-10-01T00:00:00+0000' }]);
    graph.seed(Array.from({ length: 150 }, (_, i) => ({ message: `Tin khác ${i}`, link: `https://thanhthuy.example.vn/tin-tuc/khac-${i}` })));

    const lookup = await channel.find(publication(), memoryProgress());
    expect(lookup).toEqual({ found: { remoteId: graph.posts[0].id, remoteUrl: expect.stringContaining('https://www.facebook.com/') } });
    const reads = graph.requests.filter((request) => request.path.endsWith('/published_posts'));
    expect(reads).toHaveLength(2);
    expect(reads.every((read) => read.accessToken === graph.token)).toBe(true);
  });

  it('find recognises the portal link in the message when the post has no link attachment', async () => {
    graph.seed([{ message: `Xem chi tiết: ${publication().url}/` }]);
    expect(await channel.find(publication(), memoryProgress())).toMatchObject({ found: { remoteId: graph.posts[0].id } });
  });

  it('find says absent when no post on the page links to the piece', async () => {
    graph.seed([
      { message: 'Lịch tiếp công dân', link: 'https://thanhthuy.example.vn/tin-tuc/lich-tiep-cong-dan' },
      { message: 'Thông báo', link: `${publication().url}-phan-2` },
    ]);
    expect(await channel.find(publication(), memoryProgress())).toEqual({ absent: true });
  });

  it('find stops at posts older than the attempt and says absent without reading the whole page history', async () => {
    graph.seed(Array.from({ length: 250 }, (_, i) => ({ message: `Tin cũ ${i}`, created_time: '2026-01-01T00:00:00+0000' })));
    const progress = memoryProgress({ facebookAttemptStartedAt: new Date().toISOString() });
    expect(await channel.find(publication(), progress)).toEqual({ absent: true });
    expect(graph.requests.filter((request) => request.path.endsWith('/published_posts'))).toHaveLength(1);
  });

  it('find says unknown rather than absent when it ran out of pages to read', async () => {
    graph.seed(Array.from({ length: 250 }, (_, i) => ({ message: `Tin ${i}` })));
    const bounded = channelFor(graph, {}, { maxLookupPages: 2 });
    const lookup = await bounded.find(publication(), memoryProgress());
    expect(lookup).toMatchObject({ unknown: expect.stringContaining('2 pages') });
  });

  it.each([
    ['a 500', () => graph.failNext({ status: 500, code: 2 })],
    ['a rate limit', () => graph.rateLimitNext(5)],
    ['an expired token', () => graph.failNext({ status: 400, code: 190, message: 'Error validating access token' })],
    ['a timeout', () => graph.hangNext()],
    ['an HTML error page', () => graph.failNext({ status: 502, rawBody: '<html>Bad Gateway</html>' })],
  ])('find says unknown when the lookup fails with %s', async (_, breakIt) => {
    graph.seed([{ message: 'Bài của chúng ta', link: publication().url }]);
    breakIt();
    const lookup = await channel.find(publication(), memoryProgress());
    expect(lookup).toEqual({ unknown: expect.any(String) });
  });
});

describe('never twice', () => {
  it('a 500 code 2 after Facebook stored the post is an unknown outcome, and find then finds that post', async () => {
    graph.commitThenFail();
    const progress = memoryProgress();
    const error = await failureOf(channel.create(publication(), progress));

    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(graph.posts).toHaveLength(1);
    const lookup = await channel.find(publication(), progress);
    expect(lookup).toEqual({ found: { remoteId: graph.posts[0].id, remoteUrl: expect.any(String) } });
    expect(graph.posts).toHaveLength(1);
  });

  it('a create that gets no answer in time is an unknown outcome, not a failure', async () => {
    graph.hangNext(1, (request) => request.method === 'POST');
    expect(await failureOf(channel.create(publication(), memoryProgress()))).toBeInstanceOf(UnknownOutcomeError);
  });

  it('a create answered 2xx without a post id is an unknown outcome', async () => {
    graph.failNext({ status: 200, rawBody: '{"success":true}' }, 1, (request) => request.method === 'POST');
    expect(await failureOf(channel.create(publication(), memoryProgress()))).toBeInstanceOf(UnknownOutcomeError);
  });

  it('a create whose connection was refused before sending is transient: nothing can have been posted', async () => {
    const closed = channelFor(graph, { FACEBOOK_GRAPH_URL: `http://127.0.0.1:${await freePort()}/v26.0` });
    expect(await failureOf(closed.create(publication(), memoryProgress()))).toBeInstanceOf(TransientChannelError);
  });

  it('an edit that gets no answer in time is transient: setting a message twice is harmless', async () => {
    const post = await channel.create(publication(), memoryProgress());
    graph.hangNext(1, (request) => request.method === 'POST');
    expect(await failureOf(channel.update!(post, publication({ caption: 'Mới' }), memoryProgress()))).toBeInstanceOf(TransientChannelError);
  });
});

describe('how each Graph failure on create is classified', () => {
  const TOKEN_MESSAGE = 'Mã truy cập trang Facebook không hợp lệ hoặc đã hết hạn: quản trị viên cần cấp lại mã.';

  it.each([
    { name: 'an expired token (190)', status: 400, code: 190, kind: PermanentChannelError, editor: TOKEN_MESSAGE },
    { name: 'a session error (102)', status: 400, code: 102, kind: PermanentChannelError, editor: TOKEN_MESSAGE },
    { name: 'a missing permission (10)', status: 403, code: 10, kind: PermanentChannelError, editor: /chưa có quyền/ },
    { name: 'a missing permission (200)', status: 403, code: 200, kind: PermanentChannelError, editor: /chưa có quyền/ },
    { name: 'a missing permission (299)', status: 403, code: 299, kind: PermanentChannelError, editor: /chưa có quyền/ },
    { name: 'a duplicate post (506)', status: 400, code: 506, kind: PermanentChannelError, editor: /trùng/ },
    { name: 'an invalid parameter (100)', status: 400, code: 100, kind: PermanentChannelError, editor: /Facebook từ chối bài đăng: Invalid parameter/ },
    { name: 'app rate limit (4)', status: 400, code: 4, kind: TransientChannelError },
    { name: 'user rate limit (17)', status: 400, code: 17, kind: TransientChannelError },
    { name: 'page throttling (32)', status: 400, code: 32, kind: TransientChannelError },
    { name: 'app limit (341)', status: 400, code: 341, kind: TransientChannelError },
    { name: 'temporary block (368)', status: 400, code: 368, kind: TransientChannelError },
    { name: 'rate limit (613)', status: 400, code: 613, kind: TransientChannelError },
    { name: 'HTTP 429', status: 429, code: undefined, kind: TransientChannelError },
    { name: 'an unknown error (code 1) on HTTP 400', status: 400, code: 1, kind: UnknownOutcomeError },
    { name: 'HTTP 500 code 2', status: 500, code: 2, kind: UnknownOutcomeError },
    { name: 'HTTP 503 with an unexpected code', status: 503, code: 999, kind: UnknownOutcomeError },
  ])('$name is a $kind.name', async ({ status, code, kind, editor }) => {
    // Without a code, the answer has no Graph body at all (an edge server's 429).
    graph.failNext(code === undefined ? { status, rawBody: '' } : { status, code, message: code === 100 ? 'Invalid parameter' : `(#${code}) failure` });
    const error = await failureOf(channel.create(publication(), memoryProgress()));
    expect(error).toBeInstanceOf(kind);
    expect(graph.posts).toHaveLength(0);
    if (editor) expect((error as PermanentChannelError).editorMessage).toMatch(editor);
  });

  it('a proxy HTML page with HTTP 502 on create is an unknown outcome', async () => {
    graph.failNext({ status: 502, rawBody: '<html><body>Bad Gateway</body></html>' });
    expect(await failureOf(channel.create(publication(), memoryProgress()))).toBeInstanceOf(UnknownOutcomeError);
  });

  it('posting the same message and link twice in a row is refused by Facebook as a duplicate and is permanent', async () => {
    await channel.create(publication(), memoryProgress());
    const error = await failureOf(channel.create(publication(), memoryProgress()));
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toMatch(/trùng/);
    expect(graph.posts).toHaveLength(1);
  });

  it('a wrong token is a permanent error with the Vietnamese message for the editor', async () => {
    const stale = channelFor(graph, { FACEBOOK_PAGE_ACCESS_TOKEN: 'EAAexpiredToken000000000000' });
    const error = await failureOf(stale.create(publication(), memoryProgress()));
    expect(error).toBeInstanceOf(PermanentChannelError);
    expect((error as PermanentChannelError).editorMessage).toBe(TOKEN_MESSAGE);
    expect(error.message).toMatch(/HTTP 400.*code 190/);
  });

  it.each([
    ['X-Business-Use-Case-Usage', 'business' as const, 7],
    ['X-App-Usage', 'app' as const, 3],
  ])('a rate limit carries the wait named in %s as retryAfterMs', async (_, header, minutes) => {
    graph.rateLimitNext(minutes, 1, header);
    const error = await failureOf(channel.create(publication(), memoryProgress()));
    expect(error).toBeInstanceOf(TransientChannelError);
    expect((error as TransientChannelError).retryAfterMs).toBe(minutes * 60_000);
  });

  it('a 5xx on an edit is transient, and a refused token on an edit is permanent', async () => {
    const post = await channel.create(publication(), memoryProgress());
    graph.failNext({ status: 500, code: 2 });
    expect(await failureOf(channel.update!(post, publication({ caption: 'Mới' }), memoryProgress()))).toBeInstanceOf(TransientChannelError);
    graph.failNext({ status: 400, code: 190 });
    expect(await failureOf(channel.update!(post, publication({ caption: 'Mới' }), memoryProgress()))).toBeInstanceOf(PermanentChannelError);
  });
});

describe('the page access token stays secret', () => {
  it('the token never appears in any thrown error, its cause or a lookup answer', async () => {
    const token = graph.token;
    const texts: string[] = [];
    const collect = (error: Error) => {
      texts.push(error.message, String(error.stack), String((error as { editorMessage?: string }).editorMessage));
      if (error.cause instanceof Error) texts.push(error.cause.message, String(error.cause.stack));
    };
    // Facebook echoes parameters in some error messages: the channel scrubs them.
    graph.failNext({ status: 400, code: 100, message: `(#100) Invalid parameter access_token=${token}` });
    collect(await failureOf(channel.create(publication(), memoryProgress())));
    graph.failNext({ status: 500, code: 2, message: `boom ${token}` });
    collect(await failureOf(channel.create(publication(), memoryProgress())));
    graph.hangNext();
    collect(await failureOf(channel.create(publication(), memoryProgress())));
    graph.rateLimitNext(1);
    collect(await failureOf(channel.create(publication(), memoryProgress())));
    graph.failNext({ status: 400, code: 190, message: `Invalid OAuth access token ${token}` });
    collect(await failureOf(channel.update!({ remoteId: `${graph.pageId}_1`, remoteUrl: 'x' }, publication(), memoryProgress())));

    graph.seed(Array.from({ length: 120 }, (_, i) => ({ message: `Tin ${i}` })));
    graph.failNext({ status: 500, code: 1, message: `read failed for ${token}` }, 1, (request) => request.query.after !== undefined);
    const failedRead = await channel.find(publication(), memoryProgress());
    graph.hangNext(1, (request) => request.query.after !== undefined);
    const hungRead = await channel.find(publication(), memoryProgress());
    texts.push(JSON.stringify(failedRead), JSON.stringify(hungRead));

    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).not.toContain(token);
    // The paged read did send the token, in the query of paging.next: only there.
    expect(graph.requests.some((request) => request.query.after && request.query.access_token === token)).toBe(true);
  });
});
