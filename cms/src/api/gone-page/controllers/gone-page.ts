import type { Core } from '@strapi/strapi';
import { gonePages } from '../../../takedown/gone-pages';

// Paths and dates only; a commune removes a handful of pieces in years, so the list is whole.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown }) {
    ctx.body = { data: await gonePages(strapi) };
  },
});
