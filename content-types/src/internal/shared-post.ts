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

/** The envelope is checked as a whole; each row on its own, so one bad row leaves only itself out. */
export const sharedPostsEnvelopeSchema = z.object({ data: z.array(z.unknown()) });
