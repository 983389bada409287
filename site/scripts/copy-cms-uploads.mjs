import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

// Images an editor puts inside a Markdown body point at the CMS (/uploads/…). The portal
// must not depend on the CMS being reachable by visitors (a static host, a CSP of 'self'),
// so the renderer rewrites them to the portal's own /uploads/ and this step copies the
// files the pages use from the CMS.
//
// A file replaced in the media library keeps its name on the CMS (Strapi keeps `hash` and
// `ext` on replace), so the portal names its copy by content: /uploads/<name>.<digest>.<ext>.
// A photo replaced to hide a face or an ID card gets a new address, and the old one is
// not in the new build, so no browser or CDN cache can keep showing it. Strapi serves
// uploads without conditional requests (koa-static), so each build fetches them again.
const UPLOAD_REF = /(?:src|href)="\/uploads\/([^"?#]+)"/g;
// Strapi names uploads <slug>_<random><ext> (formats get a <format>_ prefix), in folders
// for some providers: letters, digits, "_", "-", ".", never a leading dot.
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const FETCH_CONCURRENCY = 6;

/** @param {string} dir @param {string[]} exts */
function filesIn(dir, exts) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => exts.some((ext) => f.endsWith(ext)))
    .map((f) => join(dir, f));
}

/**
 * The segments of an upload reference as the pages hold it (percent-encoded), or null when
 * it is not a plain upload name: "%2e%2e" is ".." once decoded, and fetch() resolves it,
 * so a body could otherwise make the build fetch any CMS address into the public site.
 * @param {string} ref
 * @returns {string[] | null}
 */
export function uploadSegments(ref) {
  let decoded;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    return null;
  }
  const segments = decoded.split('/');
  return segments.every((s) => SAFE_SEGMENT.test(s) && s !== '.' && s !== '..') ? segments : null;
}

/** @param {string[]} segments @param {Buffer} bytes */
function contentAddressed(segments, bytes) {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const name = /** @type {string} */ (segments.at(-1));
  const ext = extname(name);
  return [...segments.slice(0, -1), `${name.slice(0, name.length - ext.length)}.${digest}${ext}`];
}

const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Writes through a temporary name and a rename: a release starts as hard links to the files of
 * the live one, and writing into a linked file would change the live site (FACTS.md).
 * @param {string} file @param {string | Buffer} data
 */
export function replaceFile(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * Copies the uploads the built pages and feeds reference from the CMS under content-addressed
 * names and rewrites the references. `files` limits the work to the pages an incremental
 * render wrote (default: every page and feed of `outDir`).
 * @param {string} outDir
 * @param {{ cmsUrl: string; siteUrl: string }} options
 * @param {string[]} [files] absolute paths of .html and .xml files in outDir
 * @returns {Promise<{ copied: number; missing: string[]; refused: string[] }>}
 */
export async function copyCmsUploads(outDir, { cmsUrl, siteUrl }, files = filesIn(outDir, ['.html', '.xml'])) {
  // Pages reference /uploads/… in attributes; feeds carry absolute URLs (the site's origin),
  // sometimes inside escaped HTML (&quot;). An image hosted elsewhere is left alone.
  const reference = new RegExp(`(["']|${escapeRegExp(siteUrl)})/uploads/([^"'?#&<>\\s)]+)`, 'g');
  const refs = new Set();
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  for (const [file, text] of texts) {
    const pattern = file.endsWith('.html') ? UPLOAD_REF : reference;
    for (const match of text.matchAll(pattern)) refs.add(match[file.endsWith('.html') ? 1 : 2]);
  }

  /** @type {Map<string, string>} reference as found → reference to the portal's copy */
  const renamed = new Map();
  const missing = [];
  const refused = [];
  const queue = [...refs];
  async function copyNext() {
    for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
      const segments = uploadSegments(ref);
      if (!segments) {
        refused.push(ref);
        continue;
      }
      const res = await fetch(`${cmsUrl}/uploads/${segments.map(encodeURIComponent).join('/')}`);
      if (!res.ok) {
        missing.push(`${ref} (${res.status})`);
        continue;
      }
      const bytes = Buffer.from(await res.arrayBuffer());
      const target = contentAddressed(segments, bytes);
      mkdirSync(dirname(join(outDir, 'uploads', ...target)), { recursive: true });
      replaceFile(join(outDir, 'uploads', ...target), bytes);
      renamed.set(ref, target.map(encodeURIComponent).join('/'));
    }
  }
  await Promise.all(Array.from({ length: FETCH_CONCURRENCY }, copyNext));

  if (renamed.size > 0) {
    for (const [file, text] of texts) {
      const rewritten = text.replace(reference, (whole, before, ref) => (renamed.has(ref) ? `${before}/uploads/${renamed.get(ref)}` : whole));
      if (rewritten !== text) replaceFile(file, rewritten);
    }
  }
  return { copied: renamed.size, missing, refused };
}
