import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { messages } from '@thanh-thuy/content-types';

// Strapi 5 returns drafts to anyone who adds ?status=draft, even to the public role and to
// read-only API tokens (strapi/strapi#23215, #24815). Only full-access tokens may read drafts.
export function allowsDrafts(auth: { strategy?: { name?: string }; credentials?: { type?: string } } | undefined): boolean {
  return auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'full-access';
}

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: { query: Record<string, unknown>; state: { auth?: Parameters<typeof allowsDrafts>[0] } }, next: () => Promise<void>) => {
    const status = ctx.query.status;
    if (status !== undefined && status !== 'published' && !allowsDrafts(ctx.state.auth)) {
      // A PolicyError keeps its message: Strapi replaces a plain ForbiddenError raised after
      // authorization with a bare "Forbidden" (core compose-endpoint).
      throw new errors.PolicyError(messages.draftsRefused);
    }
    await next();
  };
