import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, Garage, …): where a province's build
 * workers put each commune's releases (RELEASE_BUCKET) and the CMS its media (UPLOAD_BUCKET,
 * cms/config/plugins.ts). Without RELEASE_BUCKET, releases stay on the local filesystem.
 */
const objectStoreSchema = z.object({
  RELEASE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'is not a bucket name').optional(),
  /** The CMS's media (cms/src/env/upload-provider.ts); read here by `npm run doctor`. */
  UPLOAD_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'is not a bucket name').optional(),
  /** Keys of the releases start with this (several installations can share a bucket). */
  RELEASE_PREFIX: z.string().regex(/^([\w.-]+\/)*$/, 'must be empty or end with "/" (letters, digits, "_", "-", ".")').default(''),
  /** Empty: AWS itself; else the store's address (http://127.0.0.1:9000). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path (http://host/bucket/key), as most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: flag.optional(),
  /** How often a portal process looks for a new release of each commune. */
  RELEASE_POLL_MS: z.coerce.number().int().min(100).default(2_000),
  /**
   * A worker deletes, at most this often per commune, the releases and files neither the live
   * release nor the previous one uses and that are older than this (default an hour).
   */
  RELEASE_PRUNE_MS: z.coerce.number().int().min(0).default(3_600_000),
});

export type ObjectStoreEnv = z.infer<typeof objectStoreSchema>;

export interface ObjectStore {
  client: S3Client;
  bucket: string;
  prefix: string;
  pollMs: number;
  pruneMs: number;
}

export function loadObjectStoreEnv(env: Record<string, string | undefined>): ObjectStoreEnv {
  const parsed = objectStoreSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid object store configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const value = parsed.data;
  if (Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)) throw new Error('Invalid object store configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the SDK then finds its own credentials)');
  return value;
}

/** The client for an S3-compatible store, as the environment describes it. */
export function s3Client(env: ObjectStoreEnv): S3Client {
  return new S3Client({
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } } : {}),
    // Since 3.729 the SDK adds CRC32 checksums (streamed as aws-chunked trailers) to every
    // upload; many S3-compatible stores refuse those. Checksums only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The HTTP status an S3 call failed with (404, 403, 304 for a conditional GET), if it got an answer. */
export const s3Status = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** The release store in the bucket, or null when releases stay on the local filesystem. */
export function objectStoreFrom(env: Record<string, string | undefined>): ObjectStore | null {
  const parsed = loadObjectStoreEnv(env);
  if (!parsed.RELEASE_BUCKET) return null;
  return { client: s3Client(parsed), bucket: parsed.RELEASE_BUCKET, prefix: parsed.RELEASE_PREFIX, pollMs: parsed.RELEASE_POLL_MS, pruneMs: parsed.RELEASE_PRUNE_MS };
}
