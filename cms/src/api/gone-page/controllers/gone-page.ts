import type { Core } from '@strapi/strapi';
import { communeOfRequest } from '../../../middlewares/keep-to-the-commune';
import { gonePages } from '../../../takedown/gone-pages';

// Paths and dates only; a commune removes a handful of pieces in years, so the list is whole.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown; state: { auth?: Parameters<typeof communeOfRequest>[0] } }) {
    ctx.body = { data: await gonePages(strapi, communeOfRequest(ctx.state.auth)) };
  },
});
