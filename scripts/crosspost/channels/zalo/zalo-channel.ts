import { join } from 'node:path';
import { z } from 'zod';
import type { Channel, Lookup, Progress, Publication, RemotePost } from '../channel.ts';
import { PermanentChannelError, TransientChannelError, UnknownOutcomeError } from '../channel-errors.ts';
import { articleFingerprint, zaloArticle, ZALO_TITLE_MAX } from './zalo-article.ts';
import { createZaloClient, type ZaloClient } from './zalo-client.ts';
import { loadZaloEnv, type ZaloEnv } from './zalo-env.ts';
import { fitText } from './fit-text.ts';
import { ZALO_INVALID_FIELD } from './zalo-error-codes.ts';
import { ZaloRefusalError } from './zalo-refusal-error.ts';
import { createFileTokenStore, type TokenStore } from './token-store.ts';

export interface ZaloChannelDeps {
  /** Where the rotated token pair lives; default a file store under `tokenDir`. */
  tokenStore?: TokenStore;
  /** Directory of the default file store (zalo-tokens.json, mode 0600); default var/crosspost. */
  tokenDir?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** How many getslice pages (10 articles each, newest first) find() reads at most. */
  findPages?: number;
}

const tokenData = z.object({ token: z.string().min(1) });
const messageData = z.object({ message_id: z.union([z.string().min(1), z.number()]).transform(String) });
const idData = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String) });
const sliceData = z.object({
  medias: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), title: z.string().optional().default('') }).passthrough()).default([]),
  total: z.coerce.number().optional(),
});
const detailData = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    link: z.string().url().optional(),
    body: z.array(z.record(z.unknown())).optional().default([]),
  })
  .passthrough();

// Zalo's getslice answers at most 10 per page (more is -201 "maximum limit is 10").
const PAGE = 10;

function parse<S extends z.ZodTypeAny>(schema: S, data: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TransientChannelError(`Zalo OA ${where} answered without ${issue.path.join('.') || 'data'}: ${issue.message}`);
  }
  return parsed.data;
}

export function createZaloChannel(env: Record<string, string | undefined>, deps: ZaloChannelDeps = {}): Channel | undefined {
  const config = loadZaloEnv(env);
  if (!config) return undefined;
  const tokenStore = deps.tokenStore ?? createFileTokenStore(deps.tokenDir ?? join(process.cwd(), 'var', 'crosspost'));
  const client = createZaloClient(config, { tokenStore, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  return zaloChannel(config, client, deps.findPages ?? 5);
}

function zaloChannel(config: ZaloEnv, client: ZaloClient, findPages: number): Channel {
  async function verify(token: string): Promise<string> {
    const data = await client.call('repeatable', 'POST', '/v2.0/article/verify', { json: { token } });
    return parse(idData, data, 'article/verify').id;
  }

  async function detail(id: string) {
    const data = await client.call('repeatable', 'GET', '/v2.0/article/getdetail', { query: { id } });
    return parse(detailData, data, 'article/getdetail');
  }

  /**
   * The article's public address. Zalo's article detail carries it as `link`; when that read
   * fails the post is still made, so fall back to the OA's page rather than lose the id.
   */
  async function remoteUrl(id: string): Promise<string> {
    try {
      const { link } = await detail(id);
      if (link) return link;
    } catch {
      // Deliberately ignored: the article exists and its id is what the ledger must keep.
    }
    return config.oaPageUrl ?? 'https://oa.zalo.me';
  }

  /** Is the article gone? Zalo answers -201 ("id is invalid") for an id it does not hold. */
  async function isGone(id: string): Promise<boolean> {
    try {
      await detail(id);
      return false;
    } catch (error) {
      if (error instanceof ZaloRefusalError && error.code === ZALO_INVALID_FIELD) return true;
      throw error;
    }
  }

  /**
   * The article to every follower: POST /v2.0/oa/message with recipient.target (no filter) and a
   * media template whose element is the article (FACTS.md; the body as in Zalo's own SDK,
   * zaloplatform/zalo-java-sdk src/test/java/v3/SendBroadcastMessage.java). A lost answer is an
   * unknown outcome: the runner never sends it again by itself.
   */
  async function broadcast(post: RemotePost): Promise<{ messageId: string }> {
    const data = await client.call('create', 'POST', '/v2.0/oa/message', {
      json: {
        recipient: { target: {} },
        message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: post.remoteId }] } } },
      },
    });
    const answer = messageData.safeParse(data);
    // Zalo said success without naming the message: it may well have gone out.
    if (!answer.success) throw new UnknownOutcomeError('Zalo OA answered oa/message without a message_id; the broadcast may have gone out');
    return { messageId: answer.data.message_id };
  }

  const mentions = (body: Array<Record<string, unknown>>, url: string) => body.some((block) => Object.values(block).some((value) => typeof value === 'string' && value.includes(url)));

  return {
    name: 'zalo',

    async create(publication: Publication, progress: Progress): Promise<RemotePost> {
      // Verified earlier, lost before the ledger recorded it: the id is all that is needed.
      if (typeof progress.saved.zaloId === 'string') {
        return { remoteId: progress.saved.zaloId, remoteUrl: await remoteUrl(progress.saved.zaloId) };
      }
      let token = typeof progress.saved.zaloToken === 'string' ? progress.saved.zaloToken : undefined;
      if (!token) {
        const data = await client.call('create', 'POST', '/v2.0/article/create', { json: zaloArticle(publication, config.author) });
        token = parse(tokenData, data, 'article/create').token;
        // Saved before verify: a crash or a failed verify resumes here instead of creating again.
        await progress.save({ zaloToken: token });
      }
      const id = await verify(token);
      await progress.save({ zaloId: id });
      return { remoteId: id, remoteUrl: await remoteUrl(id) };
    },

    async update(post: RemotePost, publication: Publication, progress: Progress): Promise<RemotePost> {
      const article = { id: post.remoteId, ...zaloArticle(publication, config.author) };
      const edit = articleFingerprint(article);
      let token = progress.saved.zaloUpdateFor === edit && typeof progress.saved.zaloUpdateToken === 'string' ? progress.saved.zaloUpdateToken : undefined;
      if (!token) {
        // An update repeated by mistake only rewrites the same article: safe to repeat.
        const data = await client.call('repeatable', 'POST', '/v2.0/article/update', { json: article });
        token = parse(tokenData, data, 'article/update').token;
        await progress.save({ zaloUpdateToken: token, zaloUpdateFor: edit });
      }
      const id = await verify(token);
      return { remoteId: id, remoteUrl: post.remoteUrl };
    },

    // FACTS.md does not list article removal. Zalo's own SDK removes an article with
    // POST /v2.0/article/remove {"id": …} and the access_token header
    // (github.com/zaloplatform/zalo-java-sdk, src/test/java/RemoveArticle.java); Zalo documents no
    // distinct code for an id that is already gone, so a refusal is checked against getdetail.
    async remove(post: RemotePost): Promise<{ alreadyGone: boolean }> {
      try {
        // Removing twice is harmless: a lost answer is retried and the retry finds it gone.
        await client.call('repeatable', 'POST', '/v2.0/article/remove', { json: { id: post.remoteId } });
        return { alreadyGone: false };
      } catch (error) {
        if (!(error instanceof ZaloRefusalError)) throw error;
        if (await isGone(post.remoteId)) return { alreadyGone: true };
        throw new PermanentChannelError(error.message, `Zalo không cho gỡ bài viết (mã lỗi ${error.code}: ${error.platformMessage}).`, { cause: error });
      }
    },

    ...(config.broadcast ? { broadcast } : {}),

    async find(publication: Publication, progress: Progress): Promise<Lookup> {
      try {
        if (typeof progress.saved.zaloId === 'string') {
          const { id, link } = await detail(progress.saved.zaloId);
          return { found: { remoteId: id, remoteUrl: link ?? config.oaPageUrl ?? 'https://oa.zalo.me' } };
        }
        if (typeof progress.saved.zaloToken === 'string') {
          // Created, then lost before verify answered: the token names the article exactly, and
          // an article not yet verified may be missing from the list.
          const id = await verify(progress.saved.zaloToken).catch(() => undefined);
          if (id) return { found: { remoteId: id, remoteUrl: await remoteUrl(id) } };
        }
        const title = fitText(publication.title, ZALO_TITLE_MAX);
        for (let page = 0; page < findPages; page += 1) {
          const data = await client.call('repeatable', 'GET', '/v2.0/article/getslice', { query: { offset: String(page * PAGE), limit: String(PAGE), type: 'normal' } });
          const { medias } = parse(sliceData, data, 'article/getslice');
          // getslice lists titles only; the portal link in the body is what proves it is ours.
          for (const media of medias.filter((m) => m.title === title)) {
            const article = await detail(media.id);
            if (mentions(article.body, publication.url)) {
              return { found: { remoteId: article.id, remoteUrl: article.link ?? config.oaPageUrl ?? 'https://oa.zalo.me' } };
            }
          }
          if (medias.length < PAGE) return { absent: true };
        }
        return { unknown: `no article linking ${publication.url} among the ${findPages * PAGE} newest on the Zalo OA; older ones were not searched` };
      } catch (error) {
        return { unknown: `the Zalo OA article list could not be read: ${(error as Error).message}` };
      }
    },
  };
}
