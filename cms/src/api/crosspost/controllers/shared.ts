import type { Core } from '@strapi/strapi';
import { SHARED_POSTS_MAX_PAGE_SIZE, SHARED_POSTS_PAGE_SIZE } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { sharedPosts } from '../../../crosspost/shared-posts';
import { communeOfRequest } from '../../../middlewares/keep-to-the-commune';

type Ctx = { query: unknown; body: unknown; status: number; state: { auth?: Parameters<typeof communeOfRequest>[0] } };

// Strapi's own list parameters (?pagination[page]=2&pagination[pageSize]=100), parsed by koa's qs.
const pageQuery = z.object({
  pagination: z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(SHARED_POSTS_MAX_PAGE_SIZE).default(SHARED_POSTS_PAGE_SIZE),
    })
    .default({}),
});

// The one view of the ledger the portal's token may read (bootstrap/site-token.ts), a page at a
// time. The list is worked out whole (newest generation per piece and channel, published pieces
// only) and then sliced: it is one row per shared post, small next to the pieces themselves.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Ctx) {
    const parsed = pageQuery.safeParse(ctx.query ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'ValidationError', message: `Invalid pagination: ${issue.path.join('.')}: ${issue.message} (pageSize at most ${SHARED_POSTS_MAX_PAGE_SIZE})`, details: {} },
      };
      return;
    }
    const { page, pageSize } = parsed.data.pagination;
    const all = await sharedPosts(strapi, communeOfRequest(ctx.state.auth));
    ctx.body = {
      data: all.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } },
    };
  },
});
