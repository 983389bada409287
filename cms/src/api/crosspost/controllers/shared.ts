import type { Core } from '@strapi/strapi';
import { sharedPosts } from '../../../crosspost/shared-posts';

// The one view of the ledger the portal's token may read (bootstrap/site-token.ts).
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown }) {
    ctx.body = { data: await sharedPosts(strapi) };
  },
});
