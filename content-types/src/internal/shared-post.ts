import { z } from 'zod';
import { SHARED_CHANNELS } from './crosspost-job';

// What GET /api/crosspost/shared answers (cms/src/crosspost/shared-posts.ts) and the portal
// reads: where each published piece was shared. Only a web address may become a link.
export const sharedPostSchema = z.object({
  pieceId: z.string().min(1),
  channel: z.enum(SHARED_CHANNELS),
  remoteUrl: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) address' }),
});
export type SharedPostRow = z.infer<typeof sharedPostSchema>;

/** Rows per page of GET /api/crosspost/shared: the default, and the most one page may hold. */
export const SHARED_POSTS_PAGE_SIZE = 100;
export const SHARED_POSTS_MAX_PAGE_SIZE = 1000;

/**
 * The envelope is checked as a whole; each row on its own, so one bad row leaves only itself out.
 * Paged like Strapi's own lists: `?pagination[page]=N&pagination[pageSize]=M`, and `meta`.
 */
export const sharedPostsEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    pagination: z.object({
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1),
      pageCount: z.number().int().min(0),
      total: z.number().int().min(0),
    }),
  }),
});
