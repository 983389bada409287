import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// The paths a release answers 410 Gone: removed with "Gỡ bỏ" (issue 10). The portal writes their
// sha256 hashes into /gone-pages.json (site/src/pages/gone-pages.json.ts), never the paths.
const goneFile = z.object({ sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)) });

export const hashOfPath = (path: string) => createHash('sha256').update(path).digest('hex');

/** The hashes of a release's removed paths; none when the release has no list (built before issue 10). */
export async function readGonePaths(root: string): Promise<ReadonlySet<string>> {
  let text: string;
  try {
    text = await readFile(join(root, 'gone-pages.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  const parsed = goneFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${join(root, 'gone-pages.json')} is not a list of sha256 hashes: ${parsed.error.issues[0].message}`);
  return new Set(parsed.data.sha256);
}
