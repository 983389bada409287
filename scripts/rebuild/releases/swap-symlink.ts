import { randomBytes } from 'node:crypto';
import { readlink, rename, rm, symlink } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { announceReleaseEvent } from './release-events.ts';

/**
 * Points `link` at `target` atomically: a new symlink is made beside it and renamed over it,
 * and rename(2) replaces the old link in one step. A visitor's request resolves either the
 * old build or the new one, never a half-written directory.
 */
export async function swapSymlink(link: string, target: string): Promise<void> {
  const temp = `${link}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await symlink(relative(dirname(link), target), temp);
  try {
    await rename(temp, link);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  announceReleaseEvent({ kind: 'swapped', link });
}

/** The link's target (relative to the link), or null when there is no link. */
export async function readSymlink(link: string): Promise<string | null> {
  try {
    return await readlink(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
