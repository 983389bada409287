import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { communeOfTokenName, messages } from '@thanh-thuy/content-types';
import { communeFilter, foreignDocuments, withoutDocuments } from '../content-api/commune-scope';

type Auth = { strategy?: { name?: string }; credentials?: { name?: string } } | undefined;
type Ctx = {
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  path: string;
  state: { auth?: Auth; route?: { handler?: unknown } };
};

/** The commune whose portal token made the request, if it was one (bootstrap/site-token.ts). */
export function communeOfRequest(auth: Auth): string | null {
  return auth?.strategy?.name === 'content-api-token' ? communeOfTokenName(auth.credentials?.name) : null;
}

/**
 * Attached to every content-API route beside the draft guard (content-api/guard-every-route.ts).
 * A commune's portal token reads, in a province, what that commune's portal shows: lists of
 * pieces, details and residential areas are filtered in the query (so pages hold no gaps; a
 * total may still count a broad match on the addressed communes), and whatever a response
 * still holds of another commune, through a relation, a media back-link or that broad match,
 * is taken out; a single piece of another commune is not found. Other callers pass.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>) => {
    const commune = communeOfRequest(ctx.state.auth);
    if (!commune) return next();
    const handler = typeof ctx.state.route?.handler === 'string' ? ctx.state.route.handler : '';
    const [uid, action] = [handler.slice(0, handler.lastIndexOf('.')), handler.slice(handler.lastIndexOf('.') + 1)];
    const filter = communeFilter(uid, commune);
    if (filter && action === 'find') {
      const given = ctx.query.filters;
      ctx.query = { ...ctx.query, filters: given && typeof given === 'object' ? { $and: [given, filter] } : filter };
    }
    await next();
    const foreign = await foreignDocuments(strapi, ctx.body, commune);
    if (foreign.size === 0) return;
    const top = (ctx.body as { data?: unknown } | null)?.data;
    if (top && !Array.isArray(top) && foreign.has((top as { documentId?: string }).documentId ?? '')) throw new errors.NotFoundError(messages.notFound());
    ctx.body = withoutDocuments(ctx.body, foreign);
  };
