import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { DatabaseClient } from '../lib/database-client.ts';
import { loadObjectStoreEnv, s3Client, s3Status } from '../rebuild/object-store/object-store-env.ts';

// With UPLOAD_BUCKET the media live in an S3-compatible store, not in public/uploads: the
// import hands each file of the archive to Strapi's S3 provider, which stores it as
// uploads/<hash><ext> (cms/src/env/upload-provider.ts). The restore checks the bucket holds
// every file and smaller copy the staging database names before anything is switched in.

const FILES_AT_ONCE = 16;

type FileRow = { hash: string; ext: string | null; formats: unknown };

/** The object keys of every file and format the database names. */
function keysOf(rows: FileRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    keys.add(`uploads/${row.hash}${row.ext ?? ''}`);
    const formats = (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) as Record<string, { hash: string; ext?: string | null }> | null;
    for (const format of Object.values(formats ?? {})) keys.add(`uploads/${format.hash}${format.ext ?? ''}`);
  }
  return [...keys];
}

/** How many of the database's media the bucket holds, and the keys it lacks. */
export async function mediaInBucket(db: DatabaseClient, env: Record<string, string | undefined>): Promise<{ found: number; missing: string[] }> {
  const bucket = env.UPLOAD_BUCKET!.trim();
  const client = s3Client(loadObjectStoreEnv(env));
  const keys = keysOf((await db.query('SELECT hash, ext, formats FROM files')) as FileRow[]);
  const missing: string[] = [];
  try {
    for (let i = 0; i < keys.length; i += FILES_AT_ONCE) {
      await Promise.all(
        keys.slice(i, i + FILES_AT_ONCE).map(async (key) => {
          try {
            await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
          } catch (error) {
            if (s3Status(error) !== 404) throw error;
            missing.push(key);
          }
        }),
      );
    }
  } finally {
    client.destroy();
  }
  return { found: keys.length - missing.length, missing: missing.sort() };
}
