// The site build the rebuild worker runs: `astro build`, then the pagefind index.
// Exit code 0 and a complete site in SITE_OUT_DIR, or non-zero and ONE line on stderr that
// says what failed. Astro's own output goes to stdout.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyCmsUploads } from './copy-cms-uploads.mjs';
import { loadSiteEnv } from '../src/env.mjs';

const SITE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILDS_DIR = join(SITE_DIR, 'node_modules', '.site-builds');
// Only content pages are indexed (listings would repeat their titles): /<section>/<slug>/.
const CONTENT_PAGES = '{tin-tuc,dien-hinh,dich-vu-cong,kiem-chung}/*/index.html';

class BuildStepError extends Error {
  name = 'BuildStepError';
}

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** ": [NoImageMetadata] Could not … (caused by: …)" from Astro's error printout, or nothing. */
function summarizeAstroError(output) {
  const lines = stripAnsi(output).split('\n').map((l) => l.trim());
  const headline = lines.find((l) => /^\[\w+\]/.test(l)) ?? lines.find((l) => /error/i.test(l));
  const causeAt = lines.indexOf('Caused by:');
  const cause = causeAt >= 0 ? lines[causeAt + 1] : undefined;
  return headline ? `: ${headline}${cause ? ` (caused by: ${cause})` : ''}` : '';
}

/** The entries the loaders left out (JSON lines), once each even if a loader ran twice. */
function readSkipped(file) {
  const byEntry = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const entry = JSON.parse(line);
    byEntry.set(`${entry.kind}:${entry.documentId}`, entry);
  }
  return [...byEntry.values()];
}

/** Runs `astro build`; its stdout and stderr are forwarded to our stdout. */
function astroBuild(env, work) {
  const astro = join(dirname(createRequire(join(SITE_DIR, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const report = join(work, 'failure.txt');
  const timings = join(work, 'timings.json');
  const skipped = join(work, 'skipped.jsonl');
  return new Promise((resolvePromise, reject) => {
    // Astro 5 builds an outDir outside its working directory in <cwd>/.astro/ and copies it
    // over (core/build/common.js getOutDirWithinCwd). Each build gets its own working
    // directory, so two builds at once never share that folder; it sits under site/ so the
    // server chunks written there still resolve site's packages.
    // A larger young generation: rendering 10,000 pages allocates short-lived strings fast, and
    // V8's default 16 MB semi-space spends seconds in scavenges (measured with --cpu-prof).
    const child = spawn(process.execPath, ['--max-semi-space-size=64', astro, 'build', '--root', SITE_DIR], {
      cwd: work,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BUILD_REPORT: report, SITE_BUILD_TIMINGS: timings, SITE_BUILD_SKIPPED: skipped },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    child.stdout.pipe(process.stdout);
    child.stderr.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => reject(new BuildStepError(`astro build could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) {
        return resolvePromise({
          marks: existsSync(timings) ? JSON.parse(readFileSync(timings, 'utf8')) : {},
          skipped: existsSync(skipped) ? readSkipped(skipped) : [],
        });
      }
      const reported = existsSync(report) ? readFileSync(report, 'utf8').trim() : '';
      reject(new BuildStepError(reported || `astro build failed (${signal ?? `exit ${code}`})${summarizeAstroError(tail)}`));
    });
  });
}

// With an outDir outside site/, Astro 5 copies its server build over and leaves the content
// layer's module maps (content-assets.mjs, content-modules.mjs) behind: nothing a visitor needs.
function removeServerLeftovers(outDir) {
  for (const name of readdirSync(outDir)) if (name.endsWith('.mjs')) rmSync(join(outDir, name));
}

/**
 * An entry that does not match the content model is left out of the site, not the reason to
 * stop it: each one gets a line on stderr (kind, documentId, title, field, the Vietnamese
 * message the CMS would show) and, when SITE_SKIPPED_REPORT names a file, a JSON record there
 * (the rebuild worker shows it in GET /status). The file is written on every build, with an
 * empty list when nothing was left out, so a fixed entry disappears from it.
 */
function reportSkipped(skipped, reportFile) {
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

async function pagefindIndex(outDir) {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 2000 });
    if (!index) throw new BuildStepError(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: CONTENT_PAGES });
    if (added.errors.length) throw new BuildStepError(`pagefind failed to index ${outDir}: ${added.errors[0]}`);
    // With nothing published yet (a new commune, or after demo:remove) pagefind writes no
    // language index and fails ("No language indexes found"): index the home page instead,
    // so the search page works and finds nothing else.
    if (added.page_count === 0) {
      const home = await index.addCustomRecord({ url: '/', content: 'Trang chủ cổng thông tin điện tử xã', language: 'vi', meta: { title: 'Trang chủ' } });
      if (home.errors.length) throw new BuildStepError(`pagefind could not index the empty portal: ${home.errors[0]}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new BuildStepError(`pagefind failed to write its index: ${written.errors[0]}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export async function buildSite(rawEnv = process.env) {
  const env = loadSiteEnv(rawEnv);
  const outDir = resolve(SITE_DIR, env.SITE_OUT_DIR ?? 'dist');
  const cacheDir = resolve(SITE_DIR, env.SITE_CACHE_DIR ?? 'node_modules/.astro');
  mkdirSync(dirname(outDir), { recursive: true });
  mkdirSync(BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(BUILDS_DIR, 'build-'));
  const started = Date.now();
  try {
    const { marks, skipped } = await astroBuild({ ...rawEnv, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir }, work);
    reportSkipped(skipped, env.SITE_SKIPPED_REPORT);
    removeServerLeftovers(outDir);
    const uploads = await copyCmsUploads(outDir, { cmsUrl: env.CMS_URL, siteUrl: env.SITE_URL });
    // A body image deleted from the media library shows as a broken image, not a failed build.
    if (uploads.missing.length) console.warn(`Site build: ${uploads.missing.length} image(s) in Markdown bodies are missing from the CMS: ${uploads.missing.join(', ')}`);
    if (uploads.refused.length) console.warn(`Site build: ${uploads.refused.length} image address(es) in Markdown bodies are not upload names and were not fetched: ${uploads.refused.join(', ')}`);
    const astroDone = Date.now();
    const indexed = await pagefindIndex(outDir);
    const done = Date.now();
    const timings = {
      startupMs: marks.configDone ? marks.configDone - started : null,
      syncMs: marks.buildStart - marks.configDone,
      bundleMs: marks.bundled - marks.buildStart,
      generateMs: marks.generated - marks.bundled,
      finishMs: astroDone - marks.generated,
      astroMs: astroDone - started,
      pagefindMs: done - astroDone,
      totalMs: done - started,
      indexedPages: indexed,
    };
    if (rawEnv.SITE_BUILD_TIMINGS) writeFileSync(rawEnv.SITE_BUILD_TIMINGS, JSON.stringify(timings));
    const left = skipped.length ? `; ${skipped.length} invalid entr${skipped.length > 1 ? 'ies' : 'y'} left out` : '';
    console.log(`Site built in ${outDir}: ${indexed} pages searchable, ${(timings.totalMs / 1000).toFixed(1)} s${left}`);
    return { outDir, timings, skipped };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--help')) {
  console.log('Cách dùng: npm run build -w @thanh-thuy/site\n\nDựng cổng thông tin một lần vào SITE_OUT_DIR (astro build rồi chỉ mục tìm kiếm pagefind), đọc CMS_URL với SITE_API_TOKEN.');
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSite().catch((error) => {
    console.error(`Site build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
