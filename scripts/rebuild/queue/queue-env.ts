import { SLUG_PATTERN } from '@thanh-thuy/content-types';
import { z } from 'zod';

const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const slug = z.string().regex(SLUG_PATTERN, 'is not a slug (a-z, 0-9, hyphens)');

// PROVINCE_COMMUNES: the communes this installation serves, as slugs separated by commas.
const communes = z
  .string()
  .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(slug).min(1, 'names no commune'))
  .refine((list) => new Set(list).size === list.length, 'names a commune twice');

/** Province mode: what the intake, the build workers and the province portal read. */
const queueEnvSchema = z.object({
  REDIS_URL: z.string().url(),
  BUILD_QUEUE: z.string().regex(/^[\w-]+$/).default('portal-builds'),
  PROVINCE_COMMUNES: communes,
  /** Each commune's portal is served at `<slug>.<PROVINCE_DOMAIN>` (one certificate: a wildcard). */
  PROVINCE_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'is not a host name'),
  /** `path`: each commune's portal at `<PROVINCE_DOMAIN>/<slug>/` instead (one host, no wildcard). */
  PROVINCE_ROUTING: z.enum(['host', 'path'], { message: 'must be "host" or "path"' }).default('host'),
  /** Builds one worker process runs at once (each for a different commune). */
  BUILD_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Attempts per job before it is given up; its changes then wait for the commune's next job. */
  BUILD_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  BUILD_RETRY_BASE_MS: ms(5_000),
  /** How long a worker's hold on a job lasts without renewal: a crashed worker's job is retried after it. */
  BUILD_LOCK_MS: ms(30_000),
  BUILD_STALLED_CHECK_MS: ms(15_000),
  /**
   * Communes whose data each build process keeps in memory between their publishes (a worker
   * peaked at 1.3 GB keeping 50 of 100 communes of 200 pieces); any other starts from its live release's snapshot on disk, its entries
   * validated again (measured: a build's reading 83 ms with every commune kept, 194 ms with half).
   */
  BUILD_COMMUNES_IN_MEMORY: z.coerce.number().int().min(1).default(100),
});

export type QueueEnv = z.infer<typeof queueEnvSchema>;

export function loadQueueEnv(env: Record<string, string | undefined>): QueueEnv {
  const parsed = queueEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid province configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}
