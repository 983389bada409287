import { z } from 'zod';

/**
 * What the cross-post runner reports for a job it worked out: the contract between the runner
 * (scripts/crosspost) and the CMS's /api/crosspost/jobs/:id/result route.
 */
export const crosspostOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('posted'),
    remoteId: z.string().min(1).max(300),
    remoteUrl: z.string().max(1000),
    payload: z.unknown().optional(),
    // A new Zalo article the runner is set to broadcast to the OA's followers (ZALO_BROADCAST):
    // the CMS queues one broadcast job for it.
    broadcast: z.boolean().optional(),
  }),
  z.object({ outcome: z.literal('retry'), retryAfterMs: z.number().int().min(0), error: z.string().max(2000), countsAsAttempt: z.boolean() }),
  z.object({ outcome: z.enum(['failed', 'review', 'skipped']), error: z.string().max(2000) }),
  z.object({ outcome: z.literal('outbox'), payload: z.unknown() }),
  // A remove job's end: the remote copy named by the job is gone (alreadyGone: it was gone
  // before this call, removed by hand or by an earlier attempt whose answer was lost).
  z.object({ outcome: z.literal('removed'), alreadyGone: z.boolean() }),
]);

export type CrosspostOutcome = z.infer<typeof crosspostOutcomeSchema>;
