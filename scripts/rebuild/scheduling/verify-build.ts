import { existsSync } from 'node:fs';
import { join } from 'node:path';

// What every build must contain before it may go live (the site build contract). A build
// that exited 0 without them would take the search or the 404 page down with it.
const REQUIRED = ['index.html', '404.html', 'rss.xml', 'pagefind/pagefind.js'];

/** The first missing file of a finished build, or null when it is complete. */
export function missingFromBuild(dir: string, required: readonly string[] = REQUIRED): string | null {
  return required.find((file) => !existsSync(join(dir, file))) ?? null;
}
