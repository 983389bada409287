import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// nginx lives in /usr/sbin, which is not on every user's PATH.
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The path of an executable found on PATH (or in an sbin directory), or null. */
export function findTool(name: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN]) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    }
  }
  return null;
}
