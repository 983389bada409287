// The one rendering path of the portal (site/README.md, "Rendering"): a server bundle of the
// site, built once per version of the site's code, renders pages in-process from data read
// from the CMS. A full render writes every page into an empty release; an incremental one
// starts from hard links to the previous release and re-renders only the pages whose inputs
// changed. Both go through `renderPages` below.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdir as mkdirCallback, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFile as writeFileCallback } from 'node:fs';
import { copyFile, link, mkdir, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replaceFile, uploadCopier } from './copy-cms-uploads.mjs';
import { basePathOf, underBase } from './portal-base.mjs';
import { generateImages, collectStaticImages } from './static-images.mjs';

export const SITE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SITE_DIR, '..');
const SERVER_DIR = join(SITE_DIR, 'node_modules', '.site-server');
const BUILDS_DIR = join(SITE_DIR, 'node_modules', '.site-builds');
const RENDER_CONCURRENCY = 4;
const BUNDLE_KEPT_MS = 24 * 60 * 60_000;
// From this many pages on, linking a new tree for each release costs more than taking over the spare (measured: ~0.3 s a link tree at 1,000 pieces).
const SPARE_FROM_PAGES = 3000;
// Generated images and uploads copied from the CMS: files of a release that belong to pages.
const PAGE_ASSET = /\/(?:_astro\/[^"'\s<>),?&]+\.(?:webp|jpe?g|png|avif|gif)|uploads\/[^"'\s<>)?#&]+)/g;

export class RenderError extends Error {
  name = 'RenderError';
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/**
 * The version of the site's code: its sources, public files, configuration, the content
 * model it reads with, and the addresses baked into the bundle (the CMS's and the media's; the
 * portal's own, SITE_URL, is given with each render, so every commune of a province shares one
 * bundle). A new version means a new server bundle and a full render.
 * @param {{ CMS_URL: string; MEDIA_URL?: string }} env
 */
export function codeVersion(env) {
  const hash = createHash('sha1').update(`${env.CMS_URL}\n${env.MEDIA_URL ?? env.CMS_URL}\n`);
  const inputs = [
    ...['src', 'public', 'scripts'].flatMap((d) => filesUnder(join(SITE_DIR, d)).map((f) => join(SITE_DIR, d, f))),
    join(SITE_DIR, 'astro.config.mjs'),
    join(SITE_DIR, 'package.json'),
    ...filesUnder(join(ROOT, 'content-types', 'dist')).map((f) => join(ROOT, 'content-types', 'dist', f)),
  ];
  for (const file of inputs) hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** ": [Error] … (caused by: …)" from Astro's error printout, or nothing. */
function summarizeAstroError(output) {
  const lines = stripAnsi(output).split('\n').map((l) => l.trim());
  const headline = lines.find((l) => /^\[\w+\]/.test(l)) ?? lines.find((l) => /error/i.test(l));
  const causeAt = lines.indexOf('Caused by:');
  const cause = causeAt >= 0 ? lines[causeAt + 1] : undefined;
  return headline ? `: ${headline}${cause ? ` (caused by: ${cause})` : ''}` : '';
}

/** `astro build` of the server bundle into `outDir`; Astro's output goes to our stdout. */
function astroBuild(env, outDir, cacheDir) {
  const astro = join(dirname(createRequire(join(SITE_DIR, 'package.json')).resolve('astro/package.json')), 'astro.js');
  mkdirSync(BUILDS_DIR, { recursive: true });
  // Each build runs from its own working directory under site/, so two at once never share
  // Astro's scratch folder and the bundle still resolves site's packages.
  const work = mkdtempSync(join(BUILDS_DIR, 'build-'));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', SITE_DIR], {
      cwd: work,
      env: { ...process.env, ...env, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    child.stdout.pipe(process.stdout);
    child.stderr.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => reject(new RenderError(`astro build could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      rmSync(work, { recursive: true, force: true });
      if (code === 0) return resolvePromise();
      reject(new RenderError(`astro build failed (${signal ?? `exit ${code}`})${summarizeAstroError(tail)}`));
    });
  });
}

/**
 * The server bundle of this version of the site's code, built when missing. It lives under
 * site/node_modules so that its imports resolve site's packages.
 * @returns {Promise<{ dir: string; version: string; built: boolean }>}
 */
export async function serverBundle(env, cacheDir) {
  const version = codeVersion(env);
  const dir = join(SERVER_DIR, version);
  if (existsSync(join(dir, 'server', 'entry.mjs'))) {
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, version, built: false };
  }
  mkdirSync(SERVER_DIR, { recursive: true });
  const temp = mkdtempSync(join(SERVER_DIR, `${version}-`));
  try {
    await astroBuild(env, temp, cacheDir);
    // Another build may have made the same version meanwhile: either copy is as good.
    if (!existsSync(dir)) renameSync(temp, dir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  // Bundles of other code versions unused for a day go: a process may still be rendering with
  // one (Astro imports page chunks lazily), so a bundle is never removed right away.
  for (const name of readdirSync(SERVER_DIR)) {
    const path = join(SERVER_DIR, name);
    if (name !== version && Date.now() - statSync(path).mtimeMs > BUNDLE_KEPT_MS) rmSync(path, { recursive: true, force: true });
  }
  return { dir, version, built: true };
}

/** The renderer the bundle exports (src/render/server-entry.ts). */
export async function openRenderer(bundleDir) {
  const entry = await import(pathToFileURL(join(bundleDir, 'server', 'entry.mjs')).href);
  if (!entry.renderer) throw new RenderError(`${bundleDir} is not a server bundle of the portal (no renderer export)`);
  return entry.renderer;
}

/** The file a URL is written to: "/x/" → "x/index.html", "/rss.xml" → "rss.xml". */
export const fileOf = (url) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));
/**
 * The request that renders a URL. With trailingSlash 'always', Astro matches a dynamic route
 * with an extension (`[section]/rss.xml.ts`) only with a slash after it, and its 404 route
 * at /404/ (and the 410 page, an ordinary route, at /410/).
 */
const requestPathOf = (url) => (url === '/404.html' ? '/404/' : url === '/410.html' ? '/410/' : url.endsWith('/') ? url : `${url}/`);

/**
 * Hard links of every file of `from` in `to` (which must not exist): a release, a spare or a
 * search shard costs no copy. GNU `cp -al` does it in a child process (~10× faster than a link
 * call per file from Node, and the event loop stays free meanwhile); without cp, one link call
 * per file. Resolves true when done, false when `signal` stopped it (`to` may then be partial).
 * @param {string} from
 * @param {string} to
 * @param {AbortSignal} [signal]
 * @returns {Promise<boolean>}
 */
export function linkTree(from, to, signal) {
  return new Promise((resolvePromise, reject) => {
    const cp = spawn('cp', ['-al', from, to], { stdio: ['ignore', 'ignore', 'pipe'], signal });
    let stderr = '';
    let failed = false;
    cp.stderr?.on('data', (chunk) => (stderr += chunk));
    cp.on('error', (error) => {
      failed = true;
      if (error.name === 'AbortError') resolvePromise(false);
      else if (error.code === 'ENOENT') linkEach(from, to).then(() => resolvePromise(true), reject);
      else reject(new RenderError(`cp -al ${from} ${to} could not run: ${error.message}`));
    });
    cp.on('close', (status) => {
      if (failed) return;
      if (status === 0) resolvePromise(true);
      else if (signal?.aborted) resolvePromise(false);
      else reject(new RenderError(`cp -al ${from} ${to} failed: ${stderr.trim() || `exit ${status}`}`));
    });
  });
}

async function linkEach(from, to) {
  await mkdir(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkEach(source, target);
    else if (entry.isFile()) await link(source, target);
  }
}

/** Copies `from` into `to` (the client build: stylesheet, public files). */
async function copyTree(from, to) {
  await mkdir(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isFile()) await copyFile(source, target);
  }
}

/** Removes a file of a release with its compressed copies, and the folders it leaves empty. */
async function removeFile(outDir, file) {
  for (const ext of ['', '.br', '.gz']) await rm(join(outDir, file + ext), { force: true });
  for (let dir = dirname(join(outDir, file)); dir !== outDir && dir.startsWith(outDir); dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch (error) {
      if (error.code === 'ENOTEMPTY' || error.code === 'EEXIST') break;
      if (error.code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Writes rendered pages by temp name and rename, dropping the compressed copies of their old
 * versions; in a new, empty release (`fresh`) there are none to drop. Folders made once.
 */
function pageWriter(outDir, fresh) {
  const made = new Map();
  const madeDir = (dir) => {
    let ready = made.get(dir);
    if (!ready) {
      ready = new Promise((ok, fail) => mkdirCallback(dir, { recursive: true }, (error) => (error ? fail(error) : ok())));
      made.set(dir, ready);
    }
    return ready;
  };
  return async (file, text) => {
    const path = join(outDir, file);
    await madeDir(dirname(path));
    // A new page of an empty release: made and written on libuv's threads (one call each), off
    // the thread that renders (~0.3 ms of main-thread time a page when synchronous).
    if (fresh) return new Promise((ok, fail) => writeFileCallback(path, text, (error) => (error ? fail(error) : ok())));
    for (const ext of ['.br', '.gz']) await rm(path + ext, { force: true });
    replaceFile(path, text);
  };
}

/**
 * Renders `urls` into `outDir`: each page by the bundle, its uploads copied from the CMS and
 * its references rewritten before it is written, its images generated once all are rendered.
 * Returns each written page's assets (generated images, uploads) by URL.
 */
async function renderPages({ renderer, data, urls, outDir, fresh, siteUrl, mediaUrl, cacheDir, log, feed = null, indexed = () => false, onIndexedWritten = null }) {
  const images = collectStaticImages();
  const uploads = uploadCopier(outDir, { mediaUrl, siteUrl });
  const writePage = pageWriter(outDir, fresh);
  const base = basePathOf(siteUrl);
  // Pages the search index reads first, then the others, each in URL order (the search index
  // takes each shard's pages in that order, search-index.mjs). Once the indexed pages are
  // written, `onIndexedWritten` lets the index start while the listings render. A full build
  // feeds the index page by page; while it is busy, the other pages render meanwhile.
  const sorted = [...urls].sort();
  const forIndex = sorted.filter(indexed);
  const others = sorted.filter((url) => !indexed(url));
  let indexedAt = 0;
  let othersAt = 0;
  const pick = () => (indexedAt < forIndex.length && !(feed?.busy() && othersAt < others.length) ? forIndex[indexedAt++] : others[othersAt++]);
  let indexedLeft = forIndex.length;
  const indexedDone = () => {
    if (indexedLeft === 0) onIndexedWritten?.();
  };
  indexedDone();
  const failures = [];
  const assets = {};
  const wanted = new Set();
  async function next() {
    for (let url = pick(); url !== undefined; url = pick()) {
      const res = await renderer.render(data, new URL(requestPathOf(url), siteUrl), siteUrl);
      const expected = url === '/404.html' ? 404 : 200;
      if (res.status !== expected) {
        failures.push(`${url} answered ${res.status}`);
        // The index would read a stale page: it never starts, the build fails below.
        if (indexed(url)) indexedLeft = -1;
        continue;
      }
      const file = fileOf(url);
      const copied = await uploads.rewrite(file, await res.text());
      const text = file.endsWith('.html') ? underBase(copied, base) : copied;
      await writePage(file, text);
      const found = [...new Set([...text.matchAll(PAGE_ASSET)].map((m) => decodeURI(m[0].slice(1))))].sort();
      assets[url] = found;
      for (const asset of found) if (asset.startsWith('_astro/')) wanted.add(`/${asset}`);
      // The search index may ask rendering to wait while it catches up.
      await feed?.take(url, text);
      if (indexed(url)) {
        indexedLeft--;
        indexedDone();
      }
      // Rendering resolves in microtasks only: without a turn of the event loop, the pages sent
      // to pagefind wait in our pipe and its answers go unread while the other core idles.
      if (feed) await new Promise(setImmediate);
    }
  }
  await Promise.all(Array.from({ length: RENDER_CONCURRENCY }, next));
  if (failures.length) throw new RenderError(`${failures.length} page(s) did not render: ${failures.slice(0, 3).join(', ')}`);
  const { missing, refused } = uploads.result();
  // A body image deleted from the media library shows as a broken image, not a failed build.
  if (missing.length) log(`Site build: ${missing.length} image(s) in Markdown bodies are missing from the CMS: ${missing.join(', ')}`);
  if (refused.length) log(`Site build: ${refused.length} image address(es) in Markdown bodies are not upload names and were not fetched: ${refused.join(', ')}`);
  await generateImages(images.take(), wanted, outDir, join(cacheDir, 'assets'));
  return assets;
}

/** Where the record of a release lives (outside it: a release holds only what visitors get). */
const manifestFile = (cacheDir, outDir) => join(cacheDir, 'releases', `${createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`);

// Records read or written by this process, by file, with the size and mtime they had: the build
// service reads the live release's and the spare's at every publish (~3 MB of JSON each at
// 10,000 pieces), and a record never changes once written except by this code.
const manifests = new Map();

function cachedManifest(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  const cached = manifests.get(file);
  if (!stat) return undefined;
  return cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs ? cached.manifest : undefined;
}

function remember(file, manifest) {
  const stat = statSync(file);
  manifests.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, manifest });
  for (const key of manifests.keys()) if (manifests.size > 4 && key !== file) manifests.delete(key);
}

/** The record of a rendered release, or null when there is none (or it is unreadable). */
export function readManifest(cacheDir, outDir) {
  const file = manifestFile(cacheDir, outDir);
  if (!existsSync(file)) return null;
  const cached = cachedManifest(file);
  if (cached) return cached;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    remember(file, manifest);
    return manifest;
  } catch (error) {
    throw new RenderError(`The record of release ${outDir} is unreadable (${file}): ${error.message}`, { cause: error });
  }
}

/** The release directory a record names, read from its first bytes (`outDir` is written second). */
function recordedOutDir(path) {
  const cached = cachedManifest(path);
  if (cached) return cached.outDir;
  const head = Buffer.alloc(8192);
  const fd = openSync(path, 'r');
  let length;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const match = /^\{"version":"[^"]*","outDir":("(?:[^"\\]|\\.)*")/.exec(head.subarray(0, length).toString('utf8'));
  return match ? JSON.parse(match[1]) : JSON.parse(readFileSync(path, 'utf8')).outDir;
}

function writeManifest(cacheDir, outDir, manifest) {
  const file = manifestFile(cacheDir, outDir);
  mkdirSync(dirname(file), { recursive: true });
  replaceFile(file, JSON.stringify(manifest));
  remember(file, manifest);
  // Records of releases that are gone (pruned by the worker) go with them.
  for (const name of readdirSync(dirname(file))) {
    const path = join(dirname(file), name);
    if (path === file || !name.endsWith('.json')) continue;
    try {
      if (!existsSync(recordedOutDir(path))) rmSync(path, { force: true });
    } catch {
      rmSync(path, { force: true });
    }
  }
}

/** The record of `dir` when it is a release this code version can start from, else null. */
function usableRelease(cacheDir, dir, version) {
  if (!dir || !existsSync(dir)) return null;
  const manifest = readManifest(cacheDir, dir);
  return manifest?.version === version ? manifest : null;
}

/**
 * Makes `to` a spare of release `from` while nothing is being published: hard links of every
 * file (by a temporary name, renamed when complete) and a copy of its record. The next
 * incremental build takes it over instead of linking a whole tree while an editor waits
 * (SITE_REUSE_SPARE_FROM): right after a full build, and after the first publish, there is no
 * older release to take. Skipped below `spareFromPages` pages, where linking is cheap. `signal`
 * stops the linking (a build wants the process); the partial copy is removed in the background.
 * @returns {Promise<'made' | 'skipped' | 'stopped'>}
 */
export async function linkSpare({ cacheDir, from, to, spareFromPages = SPARE_FROM_PAGES, signal }) {
  const record = readManifest(cacheDir, from);
  if (!record || Object.keys(record.pages).length < spareFromPages || existsSync(to)) return 'skipped';
  const temp = join(dirname(to), `.linking-${basename(to)}`);
  rmSync(temp, { recursive: true, force: true });
  const linked = await linkTree(from, temp, signal).catch((error) => {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  });
  if (!linked || signal?.aborted) {
    // Removed meanwhile, not waited for: the build that stopped the linking goes first.
    rm(temp, { recursive: true, force: true }).catch(() => {});
    return 'stopped';
  }
  renameSync(temp, to);
  writeManifest(cacheDir, to, { ...record, outDir: resolve(to) });
  return 'made';
}

/**
 * Renders a release of the portal into `outDir` (which must not exist). With `previousDir`
 * (a release rendered by the same code version), renders only the pages whose inputs changed;
 * otherwise renders every page. The new release starts as hard links to `previousDir`, or,
 * cheaper on a large portal, as `spareDir` itself: an older release no one serves any more
 * (neither live nor kept for rollback), renamed and brought up to date from its own record.
 * `search` lets the search index work beside rendering: `indexed(url)` names the pages it
 * reads (rendered first); a full render passes each page it writes to the feed
 * `search.full(urls)` returns (search-index.mjs, `feedSearchIndex`); an incremental one calls `search.incremental(plan)` once the
 * pages the index reads are written, with what changed since the live release.
 * @returns {Promise<{ incremental: boolean; why: string; pages: number; urls: string[]; rendered: string[]; removed: string[]; assetsRemoved: number; reused: boolean; phases: Record<string, number>; saveRecord: () => void }>}
 */
export async function renderRelease({ renderer, version, bundleDir, data, outDir, previousDir, spareDir = null, spareFromPages = SPARE_FROM_PAGES, siteUrl, mediaUrl, cacheDir, log, search = null, deferRecord = false }) {
  const phases = {};
  let mark = Date.now();
  const phase = (name) => {
    phases[name] = Date.now() - mark;
    mark = Date.now();
  };
  const pages = await renderer.pages(data);
  phase('digestsMs');
  if (existsSync(outDir)) throw new RenderError(`${outDir} already exists: a release is rendered into a new directory`);
  const previous = usableRelease(cacheDir, previousDir, version);
  // Taking over the spare saves linking a whole tree but re-renders (and re-indexes) what two or
  // three publishes changed: worth it only on a large portal.
  const spare = previous && pages.size >= spareFromPages ? usableRelease(cacheDir, spareDir, version) : null;
  let why = 'no previous release';
  if (previousDir && !previous) why = !existsSync(previousDir) ? `${previousDir} is gone` : readManifest(cacheDir, previousDir) ? 'the site code changed' : `no record of ${previousDir}`;
  const incremental = Boolean(previous);
  // What the new release starts as, and the record it is brought up to date from.
  const base = spare ?? previous;
  let urls;
  let removed = [];
  let sinceLive = null;
  const assets = {};
  if (incremental) {
    why = 'pages whose inputs changed';
    if (spare) renameSync(spareDir, outDir);
    else await linkTree(previousDir, outDir);
    urls = [...pages].filter(([url, digest]) => base.pages[url] !== digest).map(([url]) => url);
    removed = Object.keys(base.pages).filter((url) => !pages.has(url));
    // What differs from the live release itself (the spare is older): what the search index must take in.
    sinceLive = [...pages].filter(([url, digest]) => previous.pages[url] !== digest).map(([url]) => url);
    sinceLive.push(...Object.keys(previous.pages).filter((url) => !pages.has(url)));
    for (const url of pages.keys()) if (base.assets[url]) assets[url] = base.assets[url];
  } else {
    await copyTree(join(bundleDir, 'client'), outDir);
    urls = [...pages.keys()];
  }
  const feed = incremental ? null : await search?.full(urls);
  const plan = { urls: [...pages.keys()], rendered: urls, removed, sinceLive: spare ? sinceLive : null };
  const onIndexedWritten = incremental && search ? () => search.incremental(plan) : null;
  phase('copyMs');
  for (const url of removed) await removeFile(outDir, fileOf(url));
  Object.assign(assets, await renderPages({ renderer, data, urls, outDir, fresh: !incremental, siteUrl, mediaUrl, cacheDir, log, feed, indexed: search?.indexed, onIndexedWritten }));
  phase('renderMs');
  // Images and uploads no page uses any more leave the release (a full render never has them).
  let assetsRemoved = 0;
  if (incremental) {
    const used = new Set(Object.values(assets).flat());
    for (const asset of new Set(Object.values(base.assets).flat())) {
      if (used.has(asset)) continue;
      await removeFile(outDir, asset);
      assetsRemoved++;
    }
  }
  // A long-lived build process may write the record after it has answered (`deferRecord`): the
  // next build, the only reader, starts after that; if the record is never written, the next
  // build renders everything ("no record of …").
  const saveRecord = () => writeManifest(cacheDir, outDir, { version, outDir: resolve(outDir), pages: Object.fromEntries(pages), assets });
  if (!deferRecord) saveRecord();
  phase('recordMs');
  return { incremental, why, pages: pages.size, urls: [...pages.keys()], rendered: urls, removed, sinceLive: spare ? sinceLive : null, assetsRemoved, reused: Boolean(spare), phases, saveRecord: deferRecord ? saveRecord : () => {} };
}
