import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { messages } from '@thanh-thuy/content-types';
import { asksForUnpublished } from '../content-api/asks-for-unpublished';
import { countDraftRows, withoutDraftRows } from '../content-api/without-draft-rows';

type Auth = { strategy?: { name?: string }; credentials?: { type?: string } } | undefined;

// Strapi 5 returns drafts to anyone who asks with ?status=draft, even to the public role and to
// read-only API tokens (strapi/strapi#23215, #24815), and a media file's `related` back-link
// lists the draft rows using it. Only full-access tokens (previews) may read drafts.
export function allowsDrafts(auth: Auth): boolean {
  return auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'full-access';
}

/**
 * Attached to every content-API route (content-api/guard-every-route.ts): refuses queries that
 * select unpublished rows, and strips any draft row a response would still carry.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { query: Record<string, unknown>; path: string; body: unknown; state: { auth?: Auth } }, next: () => Promise<void>) => {
    if (allowsDrafts(ctx.state.auth)) return next();
    if (asksForUnpublished(ctx.query)) {
      // A PolicyError keeps its message: Strapi replaces a plain ForbiddenError raised after
      // authorization with a bare "Forbidden" (core compose-endpoint).
      throw new errors.PolicyError(messages.draftsRefused);
    }
    await next();
    const drafts = countDraftRows(ctx.body);
    if (drafts > 0) {
      strapi.log.warn(`Removed ${drafts} draft row(s) from the response to ${ctx.path}: a relation reached unpublished content`);
      ctx.body = withoutDraftRows(ctx.body);
    }
  };
