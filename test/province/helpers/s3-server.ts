import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadObjectStoreEnv, s3Client, type ObjectStore } from '../../../scripts/rebuild/object-store/object-store-env.ts';

// s3rver ships no types: the little of it used here.
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: { port: number; address: string; silent: boolean; directory: string; configureBuckets: Array<{ name: string }> }) => S3rverInstance;

export interface TestS3 {
  /** The settings a worker, a portal or the CMS reads (object-store-env.ts). */
  env: Record<string, string>;
  endpoint: string;
  store: (bucket: string, pollMs?: number) => ObjectStore;
  stop: () => Promise<void>;
}

/**
 * A local S3-compatible server (s3rver, files in a temporary directory) on a free port, with
 * the given buckets. It refuses an unknown access key id (its own is S3RVER) but does not check
 * SigV4 signatures.
 */
export async function startTestS3(buckets: string[]): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const dir = mkdtempSync(join(tmpdir(), 'tt-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = { S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' };
  return {
    env,
    endpoint,
    store: (bucket, pollMs = 200) => ({ client: s3Client(loadObjectStoreEnv(env)), bucket, prefix: '', pollMs, pruneMs: 3_600_000 }),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
