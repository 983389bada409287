// The site build the rebuild worker runs: the server bundle (made once per version of the
// site's code), the CMS's data, every page rendered into SITE_OUT_DIR, then the search index.
// With SITE_PREVIOUS_DIR (a release rendered by the same code), only the pages whose inputs
// changed are rendered and the rest are hard links to it (README.md, "Rendering").
// Exit code 0 and a complete site in SITE_OUT_DIR, or non-zero and ONE line on stderr that
// says what failed. Astro's own output goes to stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteEnv } from '../src/env.mjs';
import { feedSearchIndex, isIndexed, updateSearchIndex } from './search-index.mjs';
import { readLoadSnapshot, writeLoadSnapshot } from './load-snapshot.mjs';
import { openRenderer, renderRelease, serverBundle, SITE_DIR } from './render-site.mjs';

/**
 * An entry that does not match the content model is left out of the site, not the reason to
 * stop it: each one gets a line on stderr (kind, documentId, title, field, the Vietnamese
 * message the CMS would show) and, when SITE_SKIPPED_REPORT names a file, a JSON record there
 * (the rebuild worker shows it in GET /status). The file is written on every build, with an
 * empty list when nothing was left out, so a fixed entry disappears from it.
 */
export function reportSkipped(skipped, reportFile) {
  for (const entry of skipped) {
    const labels = entry.labels.length ? ` (${entry.labels.join(' › ')})` : '';
    const title = entry.title ? ` «${entry.title}»` : '';
    console.error(`Site build left out ${entry.kind} ${entry.documentId}${title}: field "${entry.field}"${labels}: ${entry.message}`);
  }
  if (reportFile) {
    const file = resolve(reportFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ skipped }, null, 2)}\n`);
  }
}

/**
 * The one line a failed build prints. A failure the build names (the CMS unreachable, a bad
 * token, Astro's error) is its message; a bug in the code (a TypeError and its kind) also says
 * where it happened, so that one seen once in CI can be found from its log.
 */
export function describeFailure(error) {
  if (!(error instanceof Error)) return String(error);
  const bug = error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError || error instanceof SyntaxError;
  const at = bug ? error.stack?.split('\n').find((line) => /^\s+at /.test(line))?.trim() : undefined;
  return at ? `${error.message} (${at})` : error.message;
}

/**
 * Builds a release. `options.previousDir` (or SITE_PREVIOUS_DIR) asks for an incremental one.
 * `options.state` keeps the loaded bundle and the validated entries between builds of one
 * process (build-service.mjs); with it, `options.changes` (published documents that changed)
 * fetches only those documents again. `options.deferRecord` leaves the release's record to
 * `result.release.saveRecord()` (build-service.mjs calls it after answering). `options.snapshot`
 * also keeps the rows the release was rendered from (load-snapshot.mjs), for another process to
 * start from: a province's workers build one commune in turn; one commune's single worker
 * does not need it (and at 10,000 pieces it is tens of MB a publish).
 */
export async function buildSite(rawEnv = process.env, options = {}) {
  const env = loadSiteEnv(rawEnv);
  const log = options.log ?? ((line) => console.log(line));
  const outDir = resolve(SITE_DIR, env.SITE_OUT_DIR ?? 'dist');
  const cacheDir = resolve(SITE_DIR, env.SITE_CACHE_DIR ?? 'node_modules/.astro');
  const previousDir = options.previousDir ?? rawEnv.SITE_PREVIOUS_DIR ?? null;
  const spareDir = options.spareDir ?? null;
  mkdirSync(dirname(outDir), { recursive: true });
  const started = Date.now();
  const bundle = await serverBundle(rawEnv, cacheDir);
  const bundled = Date.now();
  const state = options.state ?? {};
  const cms = { url: env.CMS_URL, mediaUrl: env.MEDIA_URL, token: env.SITE_API_TOKEN, commune: env.SITE_COMMUNE };
  if (state.bundleDir !== bundle.dir || state.cmsUrl !== cms.url) {
    // One bundle renders every portal (the import is cached per process): only the data is the site's.
    Object.assign(state, { renderer: await openRenderer(bundle.dir), bundleDir: bundle.dir, cmsUrl: cms.url, loadCache: null, release: null });
  }
  const renderer = state.renderer;
  // A wrong SITE_SEARCH_SHARD_PAGES stops the build here, naming it, before anything is read.
  renderer.search.shardPages();
  // Only the documents that changed are fetched when the rows at hand are those of the release
  // the build starts from: in memory when this process rendered it, else its snapshot
  // (load-snapshot.mjs: another worker rendered it, or this process started since).
  const from = previousDir ? resolve(previousDir) : null;
  let start = null;
  let startedFrom = 'nothing';
  if (options.changes && from) {
    if (state.loadCache && state.release === from) [start, startedFrom] = [state.loadCache, 'memory'];
    else if ((start = readLoadSnapshot(cacheDir, from, bundle.version))) {
      startedFrom = 'snapshot';
      // Entries are kept by the digest of their row: the snapshot's spare validating the unchanged
      // ones; those in memory too, should the snapshot hold none (one written by an older build).
      if (state.loadCache && start.entries.size === 0) Object.assign(start, { entries: state.loadCache.entries, commune: state.loadCache.commune });
    }
  }
  const changes = start ? options.changes : null;
  // A whole read still takes what it can from the rows in memory (entries unchanged since are not validated again).
  const previousLoad = start ?? state.loadCache ?? renderer.emptyLoadCache();
  state.loadCache = null;
  state.release = null;
  const loaded = await renderer.loadSiteData(cms, previousLoad, changes);
  state.loadCache = loaded.cache;
  for (const warning of loaded.warnings) log(`[content] ${warning}`);
  reportSkipped(loaded.skipped, env.SITE_SKIPPED_REPORT);
  const dataLoaded = Date.now();
  // The search index works beside rendering: a full render feeds it page by page (pagefind
  // indexes in its own process, on the other core); an incremental one re-indexes the shards it
  // touched while the listings render (search-index.mjs).
  let feed = null;
  let indexing = null;
  const keepOpen = Boolean(options.state);
  const search = {
    indexed: isIndexed,
    full: async (urls) => {
      feed = await feedSearchIndex({ outDir, urls, search: renderer.search });
      return feed;
    },
    incremental: (plan) => {
      indexing = updateSearchIndex({ outDir, urls: plan.urls, previousDir, changed: plan.rendered, removed: plan.removed, sinceLive: plan.sinceLive, search: renderer.search, keepOpen });
      indexing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    },
  };
  let release;
  try {
    release = await renderRelease({ renderer, version: bundle.version, bundleDir: bundle.dir, data: loaded.data, outDir, previousDir, spareDir, spareFromPages: rawEnv.SITE_REUSE_SPARE_FROM ? Number(rawEnv.SITE_REUSE_SPARE_FROM) : undefined, siteUrl: env.SITE_URL, mediaUrl: env.MEDIA_URL, cacheDir, log, search, deferRecord: Boolean(options.deferRecord) });
  } catch (error) {
    await feed?.abort();
    await indexing?.catch(() => {});
    throw error;
  }
  const rendered = Date.now();
  const searched = feed ? await feed.finish() : indexing ? await indexing : await updateSearchIndex({ outDir, urls: release.urls, search: renderer.search, keepOpen });
  const done = Date.now();
  const timings = {
    bundleMs: bundled - started,
    bundleBuilt: bundle.built,
    loadMs: dataLoaded - bundled,
    renderMs: rendered - dataLoaded,
    render: release.phases,
    pagefindMs: done - rendered,
    totalMs: done - started,
    indexedPages: searched.pages,
    searchShards: searched.shards,
    shardsIndexed: searched.indexed.length,
    pages: release.pages,
    renderedPages: release.rendered.length,
    incremental: release.incremental,
    reusedSpare: release.reused,
    fetched: changes ? changes.length : 'all',
    startedFrom,
    // Entries validated and their Markdown rendered (the others were taken as they were).
    validated: loaded.rendered,
  };
  if (rawEnv.SITE_BUILD_TIMINGS) writeFileSync(rawEnv.SITE_BUILD_TIMINGS, JSON.stringify(timings));
  const left = loaded.skipped.length ? `; ${loaded.skipped.length} invalid entr${loaded.skipped.length > 1 ? 'ies' : 'y'} left out` : '';
  const how = release.incremental ? `incremental: ${release.rendered.length} of ${release.pages} pages rendered, ${release.removed.length} removed` : `full build (${release.why}): ${release.pages} pages`;
  log(`Site built in ${outDir}: ${how}, ${searched.pages} pages searchable (${searched.indexed.length} of ${searched.shards} index shard${searched.shards > 1 ? 's' : ''} rebuilt), ${(timings.totalMs / 1000).toFixed(1)} s${left}`);
  // The rows in memory are now this release's; a long-lived process keeps them on disk too.
  state.release = resolve(outDir);
  const keep = () => {
    release.saveRecord();
    if (options.snapshot) writeLoadSnapshot(cacheDir, outDir, bundle.version, loaded.cache);
  };
  if (!options.deferRecord) keep();
  return { outDir, timings, skipped: loaded.skipped, release: { ...release, saveRecord: options.deferRecord ? keep : () => {} } };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--help')) {
  console.log('Cách dùng: npm run build -w @thanh-thuy/site\n\nDựng cổng thông tin một lần vào SITE_OUT_DIR (astro build rồi chỉ mục tìm kiếm pagefind), đọc CMS_URL với SITE_API_TOKEN.');
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSite().catch((error) => {
    console.error(`Site build failed: ${describeFailure(error)}`);
    process.exit(1);
  });
}
