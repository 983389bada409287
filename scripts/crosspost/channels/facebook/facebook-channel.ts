import type { Channel, Lookup, Progress, Publication, RemotePost } from '../channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { readFacebookEnv, type FacebookConfig } from './facebook-env.ts';
import { classifyAnswer, isMissingObject, parseGraphError, type GraphOperation } from './graph-error.ts';
import { graphRequest, redactUrl, scrub, type GraphOutcome } from './graph-request.ts';
import { findPostByLink } from './find-post.ts';

// A Facebook page as a cross-posting channel: POST /{page-id}/feed with message and link,
// POST /{post-id} to edit, GET /{page-id}/published_posts to reconcile an unknown outcome,
// DELETE /{post-id} when an editor removes the copy.
// https://developers.facebook.com/docs/graph-api/reference/page/feed#publish

export interface FacebookChannelOptions {
  /** How many pages of published_posts find() reads before it gives up (100 posts a page). */
  maxLookupPages?: number;
}

/** What create() saves before it sends: find() stops reading at posts older than this. */
export const ATTEMPT_STARTED_AT = 'facebookAttemptStartedAt';

function describe(outcome: Exclude<GraphOutcome, { kind: 'answer' }>, where: string, token: string): string {
  const reason = outcome.error instanceof Error ? `${outcome.error.message}${outcome.error.cause instanceof Error ? ` (${outcome.error.cause.message})` : ''}` : String(outcome.error);
  const what = outcome.kind === 'lost' && outcome.timedOut ? 'timed out' : 'failed';
  return scrub(`Facebook Graph API request ${what}: ${where}: ${reason}`, token);
}

function postIdOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'id' in body && typeof body.id === 'string' && /^[\w-]+$/.test(body.id)) return body.id;
  return undefined;
}

/** facebook.com resolves /{page-id}_{post-id}; used when permalink_url could not be read. */
export function fallbackPermalink(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}

export function createFacebookChannel(env: Record<string, string | undefined>, options: FacebookChannelOptions = {}): Channel | undefined {
  const config = readFacebookEnv(env);
  return config ? facebookChannel(config, options) : undefined;
}

export function facebookChannel(config: FacebookConfig, { maxLookupPages = 10 }: FacebookChannelOptions = {}): Channel {
  const { pageId, token, graphUrl, timeoutMs } = config;
  const endpoint = (path: string) => new URL(`${graphUrl}/${path}`);

  async function post(operation: GraphOperation, path: string, form: Record<string, string>): Promise<Record<string, unknown>> {
    const where = `POST ${redactUrl(endpoint(path))}`;
    const outcome = await graphRequest({ method: 'POST', url: endpoint(path), form: { ...form, access_token: token }, timeoutMs });
    if (outcome.kind === 'not-sent') throw new TransientChannelError(describe(outcome, where, token), undefined, { cause: outcome.error });
    if (outcome.kind === 'lost') {
      const message = describe(outcome, where, token);
      // An edit sets the message again: repeating it is harmless. A create may have happened.
      if (operation === 'create') throw new UnknownOutcomeError(`${message}; the post may exist: look for it before any retry`, { cause: outcome.error });
      throw new TransientChannelError(message, undefined, { cause: outcome.error });
    }
    const ok = outcome.status >= 200 && outcome.status < 300 && outcome.body && typeof outcome.body === 'object' && !('error' in outcome.body);
    if (!ok) throw classifyAnswer({ operation, where, status: outcome.status, headers: outcome.headers, body: outcome.body, token });
    return outcome.body as Record<string, unknown>;
  }

  /** permalink_url of a post, or the constructed one when it cannot be read: the post exists either way. */
  async function permalinkOf(postId: string): Promise<string> {
    const url = endpoint(postId);
    url.searchParams.set('fields', 'permalink_url');
    url.searchParams.set('access_token', token);
    const outcome = await graphRequest({ method: 'GET', url, timeoutMs });
    if (outcome.kind === 'answer' && outcome.status === 200 && outcome.body && typeof outcome.body === 'object') {
      const permalink = (outcome.body as { permalink_url?: unknown }).permalink_url;
      if (typeof permalink === 'string' && /^https?:\/\//.test(permalink)) return permalink;
    }
    return fallbackPermalink(postId);
  }

  return {
    name: 'facebook',

    async create(publication: Publication, progress: Progress): Promise<RemotePost> {
      try {
        await progress.save({ [ATTEMPT_STARTED_AT]: new Date().toISOString() });
      } catch (error) {
        throw new TransientChannelError('Could not record the Facebook attempt in the ledger before posting; nothing was sent', undefined, { cause: error });
      }
      const body = await post('create', `${pageId}/feed`, { message: publication.caption, link: publication.url });
      const remoteId = postIdOf(body);
      // A 2xx without an id: the post was probably made, but we cannot name it.
      if (!remoteId) throw new UnknownOutcomeError(`Facebook Graph API answered POST /${pageId}/feed without a post id; the post may exist`);
      return { remoteId, remoteUrl: await permalinkOf(remoteId) };
    },

    async update(remote: RemotePost, publication: Publication): Promise<RemotePost> {
      await post('update', remote.remoteId, { message: publication.caption });
      return remote;
    },

    // https://developers.facebook.com/docs/graph-api/reference/post#deleting
    async remove(remote: RemotePost): Promise<{ alreadyGone: boolean }> {
      if (!/^[\w-]+$/.test(remote.remoteId)) {
        throw new PermanentChannelError(`Not a Facebook post id: ${JSON.stringify(remote.remoteId)}`, 'Mã bài Facebook trong nhật ký không hợp lệ: hãy gỡ bài trực tiếp trên Facebook.');
      }
      const url = endpoint(remote.remoteId);
      url.searchParams.set('access_token', token);
      const where = `DELETE ${redactUrl(url)}`;
      const outcome = await graphRequest({ method: 'DELETE', url, timeoutMs });
      // Deleting twice is harmless: a lost answer is retried, and the retry finds the post gone.
      if (outcome.kind !== 'answer') throw new TransientChannelError(describe(outcome, where, token), undefined, { cause: outcome.error });
      const body = outcome.body as { success?: unknown } | undefined;
      if (outcome.status >= 200 && outcome.status < 300 && body?.success === true) return { alreadyGone: false };
      if (isMissingObject(parseGraphError(outcome.body))) return { alreadyGone: true };
      throw classifyAnswer({ operation: 'delete', where, status: outcome.status, headers: outcome.headers, body: outcome.body, token });
    },

    async find(publication: Publication, progress: Progress): Promise<Lookup> {
      const startedAt = progress.saved[ATTEMPT_STARTED_AT];
      return findPostByLink({
        graphUrl,
        pageId,
        token,
        timeoutMs,
        link: publication.url,
        maxPages: maxLookupPages,
        attemptStartedAt: typeof startedAt === 'string' ? new Date(startedAt) : undefined,
      });
    },
  };
}
