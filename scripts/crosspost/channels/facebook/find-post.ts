import { z } from 'zod';
import type { Lookup } from '../channel.ts';
import { classifyAnswer } from './graph-error.ts';
import { graphRequest, redactUrl, scrub } from './graph-request.ts';

// Reconciliation after an unknown outcome: is there a post on the page that links to the
// piece? Every copy carries the portal URL, as the link attachment and in the message.
// https://developers.facebook.com/docs/graph-api/reference/page/published_posts/

const attachmentSchema = z.object({ url: z.string().optional(), unshimmed_url: z.string().optional() }).passthrough();

const pageSchema = z.object({
  data: z.array(
    z
      .object({
        id: z.string(),
        message: z.string().optional(),
        permalink_url: z.string().optional(),
        created_time: z.string().optional(),
        attachments: z.object({ data: z.array(attachmentSchema) }).optional(),
      })
      .passthrough(),
  ),
  paging: z.object({ next: z.string().optional() }).passthrough().optional(),
});

type PagePost = z.infer<typeof pageSchema>['data'][number];

/** Clock skew between this machine and Facebook that find() tolerates. */
const CLOCK_SLACK_MS = 15 * 60_000;

function normalise(link: string): string | undefined {
  try {
    const url = new URL(link);
    // Facebook wraps outbound links as l.facebook.com/l.php?u=<original>.
    if (/(^|\.)facebook\.com$/.test(url.hostname) && url.pathname === '/l.php' && url.searchParams.get('u')) return normalise(url.searchParams.get('u')!);
    url.hash = '';
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return undefined;
  }
}

function linksTo(post: PagePost, link: string): boolean {
  const wanted = normalise(link);
  if (!wanted) return false;
  const candidates = [
    ...(post.attachments?.data.flatMap((attachment) => [attachment.unshimmed_url, attachment.url]) ?? []),
    ...(post.message?.match(/https?:\/\/\S+/g) ?? []),
  ];
  return candidates.some((candidate) => candidate !== undefined && normalise(candidate) === wanted);
}

export interface FindPostRequest {
  graphUrl: string;
  pageId: string;
  token: string;
  timeoutMs: number;
  link: string;
  maxPages: number;
  /** When create() started: posts older than this (less clock slack) cannot be ours. */
  attemptStartedAt?: Date;
}

export async function findPostByLink({ graphUrl, pageId, token, timeoutMs, link, maxPages, attemptStartedAt }: FindPostRequest): Promise<Lookup> {
  const first = new URL(`${graphUrl}/${pageId}/published_posts`);
  first.searchParams.set('fields', 'id,message,permalink_url,created_time,attachments{unshimmed_url,url}');
  first.searchParams.set('limit', '100');
  first.searchParams.set('access_token', token);
  const oldest = attemptStartedAt && !Number.isNaN(attemptStartedAt.getTime()) ? attemptStartedAt.getTime() - CLOCK_SLACK_MS : undefined;
  const graphOrigin = new URL(graphUrl).origin;

  let next: URL | undefined = first;
  for (let page = 0; next && page < maxPages; page += 1) {
    const where = `GET ${redactUrl(next)}`;
    const outcome = await graphRequest({ method: 'GET', url: next, timeoutMs });
    if (outcome.kind !== 'answer') {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      return { unknown: scrub(`Could not list the page's posts: ${where}: ${reason}`, token) };
    }
    const parsed = outcome.status === 200 ? pageSchema.safeParse(outcome.body) : undefined;
    if (!parsed) {
      const error = classifyAnswer({ operation: 'read', where, status: outcome.status, headers: outcome.headers, body: outcome.body, token });
      return { unknown: `Could not list the page's posts: ${error.message}` };
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { unknown: scrub(`Unexpected published_posts answer from ${where}: ${issue.path.join('.')}: ${issue.message}`, token) };
    }
    for (const post of parsed.data.data) {
      if (linksTo(post, link)) return { found: { remoteId: post.id, remoteUrl: post.permalink_url ?? `https://www.facebook.com/${post.id}` } };
      const created = post.created_time ? Date.parse(post.created_time) : Number.NaN;
      // Newest first: once older than our attempt, the rest cannot be ours.
      if (oldest !== undefined && created < oldest) return { absent: true };
    }
    const nextLink = parsed.data.paging?.next;
    // paging.next carries the token: follow it only back to the Graph API we were configured with.
    next = nextLink && URL.canParse(nextLink) && new URL(nextLink).origin === graphOrigin ? new URL(nextLink) : undefined;
  }
  if (next) return { unknown: `No post linking to ${link} in the newest ${maxPages} pages of the page's posts; older posts were not read` };
  return { absent: true };
}
