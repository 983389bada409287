// Two builds of the portal from the same content, read from two CMSs (the source and a
// restored copy), compared page by page. Only what legitimately differs between two CMSs
// holding the same content is set aside, named below; everything else must be equal.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The pages and feeds of a build: HTML pages, RSS feeds and the sitemap. */
const PAGE = /\.(html|xml)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The text of every page and feed of a build, with one thing set aside: the names of the
 * processed files under /_astro/. Astro names a processed image by a hash of its source URL,
 * which holds the CMS's address (another port for the restored CMS), so 37 pages of the test's
 * builds differed by those names alone. Each reference is replaced by the sha256 of the file's
 * bytes: the same image (and the same CSS/JS) must still be served. The CMS's address itself
 * must not appear in a page at all, so it is not set aside.
 */
export function builtPages(outDir: string): Map<string, string> {
  const byBytes = new Map<string, string>();
  const assetRef = (name: string) => {
    const file = join(outDir, '_astro', name);
    if (!byBytes.has(name)) byBytes.set(name, existsSync(file) ? `sha256:${sha256(file)}` : `missing:${name}`);
    return `/_astro/{${byBytes.get(name)}}`;
  };
  const pages = new Map<string, string>();
  for (const path of filesUnder(outDir).filter((p) => PAGE.test(p))) {
    const text = readFileSync(join(outDir, path), 'utf8').replace(/\/_astro\/([\w.@~%+-]+)/g, (_m, name: string) => assetRef(name));
    pages.set(path, text);
  }
  return pages;
}

/** Tag by tag: the built HTML is minified to one line, a line of it says nothing. */
const pieces = (text: string) => text.split(/(?<=>)/);
const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

/** The first difference between two builds (a missing page, or the first differing tag), or null. */
export function firstDifference(expected: Map<string, string>, actual: Map<string, string>): string | null {
  const onlyExpected = [...expected.keys()].filter((p) => !actual.has(p));
  const onlyActual = [...actual.keys()].filter((p) => !expected.has(p));
  if (onlyExpected.length || onlyActual.length) return `pages only in the source build: ${onlyExpected.slice(0, 5).join(', ') || '—'}; only in the restored build: ${onlyActual.slice(0, 5).join(', ') || '—'}`;
  for (const [path, text] of expected) {
    const other = actual.get(path)!;
    if (text === other) continue;
    const [a, b] = [pieces(text), pieces(other)];
    const at = a.findIndex((line, i) => line !== b[i]);
    const line = at === -1 ? a.length : at;
    return `${path}, line ${line + 1} (split at each ">"):\n  source:   ${clip(a[line] ?? '(end of file)')}\n  restored: ${clip(b[line] ?? '(end of file)')}`;
  }
  return null;
}
