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
 * Copies, as pages are rendered, the uploads each one references from the CMS under
 * content-addressed names, and rewrites its references (each upload is fetched once per
 * build). `rewrite(file, text)` gives the text to write; `result()` what was copied.
 * @param {string} outDir
 * @param {{ mediaUrl: string; siteUrl: string }} options
 */
export function uploadCopier(outDir, { mediaUrl, siteUrl }) {
  // Pages reference /uploads/… in attributes; feeds carry absolute URLs (the site's origin),
  // sometimes inside escaped HTML (&quot;). An image hosted elsewhere is left alone.
  const reference = new RegExp(`(["']|${escapeRegExp(siteUrl)})/uploads/([^"'?#&<>\\s)]+)`, 'g');
  /** @type {Map<string, Promise<string | null>>} reference as found → reference to the portal's copy */
  const copies = new Map();
  const missing = [];
  const refused = [];
  let copied = 0;
  let running = 0;
  const waiting = [];
  async function fetchUpload(ref, segments) {
    if (running >= FETCH_CONCURRENCY) await new Promise((resolve) => waiting.push(resolve));
    running++;
    try {
      const res = await fetch(`${mediaUrl}/uploads/${segments.map(encodeURIComponent).join('/')}`);
      if (!res.ok) {
        missing.push(`${ref} (${res.status})`);
        return null;
      }
      const bytes = Buffer.from(await res.arrayBuffer());
      const target = contentAddressed(segments, bytes);
      mkdirSync(dirname(join(outDir, 'uploads', ...target)), { recursive: true });
      replaceFile(join(outDir, 'uploads', ...target), bytes);
      copied++;
      return target.map(encodeURIComponent).join('/');
    } finally {
      running--;
      waiting.shift()?.();
    }
  }
  function copy(ref) {
    let copy = copies.get(ref);
    if (!copy) {
      const segments = uploadSegments(ref);
      if (!segments) refused.push(ref);
      copies.set(ref, (copy = segments ? fetchUpload(ref, segments) : Promise.resolve(null)));
    }
    return copy;
  }
  /** @param {string} file @param {string} text */
  async function rewrite(file, text) {
    if (!text.includes('/uploads/')) return text;
    const html = file.endsWith('.html');
    const refs = new Set([...text.matchAll(html ? UPLOAD_REF : reference)].map((match) => match[html ? 1 : 2]));
    const renamed = new Map();
    for (const ref of refs) {
      const to = await copy(ref);
      if (to) renamed.set(ref, to);
    }
    return renamed.size ? text.replace(reference, (whole, before, ref) => (renamed.has(ref) ? `${before}/uploads/${renamed.get(ref)}` : whole)) : text;
  }
  return { rewrite, result: () => ({ copied, missing, refused }) };
}

/**
 * Copies the uploads the built pages and feeds reference from the CMS under content-addressed
 * names and rewrites the references (default: every page and feed of `outDir`).
 * @param {string} outDir
 * @param {{ mediaUrl: string; siteUrl: string }} options
 * @param {string[]} [files] absolute paths of .html and .xml files in outDir
 * @returns {Promise<{ copied: number; missing: string[]; refused: string[] }>}
 */
export async function copyCmsUploads(outDir, options, files = filesIn(outDir, ['.html', '.xml'])) {
  const copier = uploadCopier(outDir, options);
  await Promise.all(
    files.map(async (file) => {
      const text = readFileSync(file, 'utf8');
      const rewritten = await copier.rewrite(file, text);
      if (rewritten !== text) replaceFile(file, rewritten);
    }),
  );
  return copier.result();
}
