import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { z } from 'zod';
import { AdminClient } from './admin-client.ts';
import { BenchError } from './bench-error.ts';
import { runSeed } from './run-seed.ts';
import { loadConfig, ROOT } from '../env/config.ts';
import { GENERATED_SECRETS } from '../env/ensure-env.ts';
import { CMS_DIR, startCms, type CmsProcess } from '../lib/cms-process.ts';
import { freePort } from '../lib/free-port.ts';
import { startPortal, type Portal } from '../rebuild/serving/portal.ts';
import { siteLayout } from '../rebuild/releases/release-store.ts';
import { siteBuildCommand, siteBuildService } from '../rebuild/worker-config.ts';
import { startWorker, type Worker } from '../rebuild/worker.ts';

// `npm run bench` → `tsx scripts/bench/publish-bench.ts --sizes 100,1000,10000 --publishes 5`
// Publish-to-live latency on a real portal: a real CMS (`strapi start`, SQLite) holding N
// published pieces, the real worker running the real site build (its build service: a full
// render at start, then only the pages each publish reaches, and the search shards they are in), the
// portal server. Each publish goes through the admin API like an editor's click; the clock
// runs from the publish request until the piece's page is served, and its feed items and
// search entry are then checked (they go live in the same atomic switch).
//
// Seeding: Strapi is booted in a child process (seed-bench-db.ts; booting it here
// would tear down this process's listeners on destroy), the demo set is loaded by the
// normal bootstrap, and copies of the demo pieces without images are created through the
// document service (its validation middlewares included), 250 to a transaction: ~25 ms a
// piece, against ~10× that through the admin API.


const log = (line: string) => console.log(line);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (ms: number | null | undefined) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);

const sizes = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be piece counts separated by commas, e.g. 100,1000')
  .transform((text) => text.split(',').map(Number))
  .pipe(z.array(z.number().int().min(1).max(100_000)).min(1));

const benchFlagsSchema = z
  .object({
    sizes: sizes.default('100,1000,10000'),
    publishes: z.coerce.number().int().min(1).max(50).default(5),
    'budget-minutes': z.coerce.number().positive().max(120).default(10),
    keep: z.boolean().default(false),
    // The size at which a burst of 50 publishes in 5 s is measured (0: none).
    'burst-at': z.coerce.number().int().min(0).default(1000),
    // Seed again instead of copying the database seeded earlier for the same size and model.
    'fresh-seed': z.boolean().default(false),
  })
  .strict();

type BenchFlags = z.infer<typeof benchFlagsSchema>;

/** `--sizes 100,1000 --publishes 5 --budget-minutes 10 --keep --burst-at 1000 --fresh-seed`, validated. */
function parseBenchFlags(argv: string[]): BenchFlags {
  const { values } = parseArgs({
    args: argv,
    options: { sizes: { type: 'string' }, publishes: { type: 'string' }, 'budget-minutes': { type: 'string' }, keep: { type: 'boolean' }, 'burst-at': { type: 'string' }, 'fresh-seed': { type: 'boolean' } },
    strict: true,
  });
  const parsed = benchFlagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

interface SizeResult {
  size: number;
  seedMs?: number;
  firstBuildMs?: number;
  latencies: number[];
  unpublishes: number[];
  builds: number[];
  burst?: BurstResult;
  note?: string;
}

interface BurstResult {
  publishes: number;
  /** From the first publish request to the last answer. */
  sentMs: number;
  /** From the last answer until every page of the burst is served. */
  allLiveMs: number;
  builds: number;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new BenchError(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

/**
 * Until the worker builds nothing and links no spare release: each publish is measured on a
 * settled portal. A publish that arrives while a spare is being linked (within ~4 s of a full
 * build at 10,000 pieces) stops the linking and links its own tree, ~2-3 s more (site/README.md).
 */
async function settled(w: Worker): Promise<void> {
  await waitUntil('the worker to be idle', async () => {
    const status = await w.status();
    return status.state === 'idle' && !status.linkingSpare;
  }, 120_000, 100);
}

/** What the search page finds: pagefind with every index shard the page lists merged in. */
async function searchFinds(browser: Browser, portalUrl: string, term: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${portalUrl}/`);
    return (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const listed = /data-merge-index="([^"]*)"/.exec(await (await fetch('/tim-kiem/')).text());
      const shards = listed ? listed[1].split(' ') : [];
      for (const path of shards) await pagefind.mergeIndex(path);
      const search = await pagefind.search(${JSON.stringify(term)});
      return Promise.all(search.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
  } finally {
    await context.close();
  }
}

/** A version of what a seeded database holds: the content model and the seeding code. */
function seedVersion(): string {
  const hash = createHash('sha1');
  const files = [join(ROOT, 'scripts/bench/seed-bench-db.ts'), ...['content-types/src', 'cms/src/seed'].flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true }).map((f) => join(ROOT, dir, String(f))))];
  for (const file of files.sort()) if (statSync(file).isFile()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

const BURST = { publishes: 50, withinMs: 5_000 };

/**
 * A burst of 50 publishes spread over 5 s (drafts made beforehand), as when an editor releases
 * a batch: the clock runs from the last publish's answer until every page of the burst is
 * served; then the newest is checked in the feed and in search.
 */
async function burst(client: AdminClient, w: Worker, p: Portal, browser: Browser, relations: Record<string, unknown>): Promise<BurstResult> {
  const term = `benchburst${randomBytes(4).toString('hex')}`;
  const drafts: Array<{ documentId: string; slug: string }> = [];
  for (let i = 0; i < BURST.publishes; i++) drafts.push(await client.createArticle({ title: `Tin đo đợt xuất bản ${term} số ${i + 1}`, summary: 'Bài dùng để đo một đợt xuất bản liên tiếp.', body: `Nội dung bài ${term} số ${i + 1}.`, ...relations }));
  await settled(w);
  const buildsBefore = (await w.status()).totals.succeeded;
  const started = Date.now();
  // Each publish is sent at its time, not after the one before has been answered: the CMS's
  // answer slows down while the portal builds, and the burst must still span 5 s.
  const sent = drafts.map(async (draft, i) => {
    await new Promise((r) => setTimeout(r, (i * BURST.withinMs) / BURST.publishes));
    await client.publishArticle(draft.documentId);
  });
  await Promise.all(sent);
  const lastSent = Date.now();
  const paths = drafts.map((d) => `/tin-tuc/${d.slug}/`);
  const waiting = new Set(paths);
  await waitUntil(`all ${paths.length} pages of the burst to be live`, async () => {
    await Promise.all([...waiting].map(async (path) => {
      if ((await fetch(`${p.url}${path}`)).status === 200) waiting.delete(path);
    }));
    return waiting.size === 0;
  }, 120_000);
  const allLiveMs = Date.now() - lastSent;
  const newest = paths.at(-1)!;
  if (!(await (await fetch(`${p.url}/rss.xml`)).text()).includes(newest)) throw new BenchError(`${newest} is live but missing from the feed after the burst`);
  if (!(await searchFinds(browser, p.url, term)).includes(newest)) throw new BenchError(`${newest} is live but search for ${term} does not find it after the burst`);
  await settled(w);
  const builds = (await w.status()).totals.succeeded - buildsBefore;
  log(`  burst: ${BURST.publishes} publishes sent in ${seconds(lastSent - started)}, all live ${seconds(allLiveMs)} after the last (${builds} builds; newest checked in the feed and search)`);
  return { publishes: BURST.publishes, sentMs: lastSent - started, allLiveMs, builds };
}

/** "incremental: 7 of 1205 pages rendered, … (1 of 8 index shards rebuilt)" from a build's log. */
function buildSummary(dataDir: string, id: string | undefined): string {
  if (!id) return '';
  const file = join(siteLayout(dataDir).logs, `${id}.log`);
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
  const built = /Site built in \S+: (.*), [\d.]+ s/.exec(text);
  return built ? built[1] : '';
}

async function benchSize(size: number, flags: BenchFlags, browser: Browser, secondsPerPiece: number | null): Promise<SizeResult> {
  const result: SizeResult = { size, latencies: [], unpublishes: [], builds: [] };
  const budgetMs = flags['budget-minutes'] * 60_000;
  const deadline = Date.now() + budgetMs;
  const seeded = join(loadConfig().config.DATA_DIR, 'bench', 'seeded', `${size}-${seedVersion()}.db`);
  const mustSeed = flags['fresh-seed'] || !existsSync(seeded);
  if (mustSeed && secondsPerPiece !== null && secondsPerPiece * size * 1000 > budgetMs * 0.6) {
    result.note = `skipped: seeding alone would take ~${Math.round((secondsPerPiece * size) / 60)} min at the measured ${(secondsPerPiece * 1000).toFixed(0)} ms a piece, over 60% of the ${flags['budget-minutes']}-minute budget (raise --budget-minutes to run it)`;
    return result;
  }
  const dir = join(loadConfig().config.DATA_DIR, 'bench', `${new Date().toISOString().replace(/[:.]/g, '-')}-${size}`);
  mkdirSync(dir, { recursive: true });
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const admin = { email: 'bench@thanhthuy.test', password: `Bench${randomBytes(6).toString('hex')}9` };
  const dbEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'data.db') };
  const [cmsPort, workerPort, portalPort] = [await freePort(), await freePort(), await freePort()];
  let cms: CmsProcess | undefined;
  let worker: Worker | undefined;
  let portal: Portal | undefined;
  try {
    log(`\n${size} pieces`);
    if (!mustSeed) {
      copyFileSync(seeded, dbEnv.DATABASE_FILENAME);
      log(`  database copied from ${seeded} (seeded earlier; --fresh-seed seeds again)`);
    } else {
      result.seedMs = await runSeed(size, { ...secrets, ...dbEnv, SEED_DEMO: 'true', WEBHOOK_URL: 'off' });
      log(`  seeded in ${seconds(result.seedMs)} (in-process document service, batches of 250)`);
      mkdirSync(dirname(seeded), { recursive: true });
      copyFileSync(dbEnv.DATABASE_FILENAME, `${seeded}.tmp`);
      renameSync(`${seeded}.tmp`, seeded);
    }
    cms = await startCms({
      port: cmsPort,
      quiet: true,
      env: { ...secrets, ...dbEnv, SEED_DEMO: 'false', SERVE_ADMIN: 'false', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, WEBHOOK_URL: `http://127.0.0.1:${workerPort}/webhook`, WEBHOOK_SECRET: secrets.WEBHOOK_SECRET },
    });
    const dataDir = join(dir, 'data');
    worker = await startWorker({
      dataDir,
      host: '127.0.0.1',
      port: workerPort,
      secret: secrets.WEBHOOK_SECRET,
      build: { ...siteBuildCommand(ROOT), service: siteBuildService(ROOT), env: { CMS_URL: cms.url, SITE_API_TOKEN: secrets.SITE_API_TOKEN, SITE_URL: `http://127.0.0.1:${portalPort}` } },
      log: (line) => log(`  worker: ${line}`),
    });
    portal = await startPortal({ dataDir, host: '127.0.0.1', port: portalPort });
    const w = worker;
    await waitUntil('the first build', async () => Boolean((await w.status()).live), Math.max(0, deadline - Date.now()), 250);
    const first = await w.status();
    result.firstBuildMs = first.lastSuccess?.durationMs;
    log(`  first (cold) build: ${seconds(result.firstBuildMs)}; ${buildSummary(dataDir, first.lastSuccess?.id)}`);

    const client = await AdminClient.login(cms.url, admin.email, admin.password);
    const relations = {
      themes: { connect: (await client.documentIds('theme', ['y-nghia-ke-hoach'])).map((documentId) => ({ documentId })) },
      unit: { connect: (await client.documentIds('unit', ['phong-vhxh'])).map((documentId) => ({ documentId })) },
    };
    const p = portal;
    for (let i = 1; i <= flags.publishes; i++) {
      const estimate = Math.max(...result.latencies, result.firstBuildMs ?? 0);
      if (Date.now() + estimate * 1.5 > deadline) {
        result.note = `stopped after ${result.latencies.length} of ${flags.publishes} publishes: the ${flags['budget-minutes']}-minute budget was spent`;
        break;
      }
      const term = `benchpub${randomBytes(4).toString('hex')}`;
      const draft = await client.createArticle({ title: `Tin đo thời gian ${term}`, summary: 'Bài dùng để đo thời gian từ lúc xuất bản đến lúc lên cổng thông tin.', body: `Nội dung bài ${term}.`, ...relations });
      const path = `/tin-tuc/${draft.slug}/`;
      await settled(w);
      const started = Date.now();
      await client.publishArticle(draft.documentId);
      await waitUntil(`${path} to be live`, async () => (await fetch(`${p.url}${path}`)).status === 200, Math.max(120_000, (result.firstBuildMs ?? 0) * 4));
      const latency = Date.now() - started;
      const feed = await (await fetch(`${p.url}/rss.xml`)).text();
      const sectionFeed = await (await fetch(`${p.url}/tin-tuc/rss.xml`)).text();
      const found = await searchFinds(browser, p.url, term);
      if (!feed.includes(path) || !sectionFeed.includes(path)) throw new BenchError(`${path} is live but missing from a feed`);
      if (!found.includes(path)) throw new BenchError(`${path} is live but search for ${term} finds ${JSON.stringify(found)}`);
      const status = await w.status();
      const built = status.lastSuccess;
      result.latencies.push(latency);
      if (built) result.builds.push(built.durationMs);
      const files = status.live?.build?.filesChanged;
      log(`  publish ${i}: live in ${seconds(latency)} (page, both feeds and search checked; worker busy ${seconds(built?.durationMs)}: ${buildSummary(dataDir, built?.id)}${files == null ? '' : `; ${files} files changed`})`);
      // Unpublish-to-gone: the page answers 404 and the feed no longer lists it.
      await settled(w);
      const unpublishing = Date.now();
      await client.unpublishArticle(draft.documentId);
      await waitUntil(`${path} to be gone`, async () => (await fetch(`${p.url}${path}`)).status === 404, Math.max(120_000, (result.firstBuildMs ?? 0) * 4));
      const gone = Date.now() - unpublishing;
      if ((await (await fetch(`${p.url}/rss.xml`)).text()).includes(path)) throw new BenchError(`${path} is gone but still in the feed`);
      result.unpublishes.push(gone);
      log(`  unpublish ${i}: gone in ${seconds(gone)}`);
    }
    if (size === flags['burst-at']) result.burst = await burst(client, w, p, browser, relations);
  } catch (error) {
    result.note = `failed: ${(error as Error).message}`;
  } finally {
    await portal?.stop();
    await worker?.stop();
    await cms?.stop();
    if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** The whole benchmark; `argv` as on the command line. Exported for a `bench.ts` that runs several. */
export async function publishBench(argv: string[]): Promise<void> {
  const flags = parseBenchFlags(argv);
  if (!existsSync('/usr/bin/chromium')) throw new BenchError('Chromium is needed to check the search index: apt-get install chromium');
  if (!existsSync(join(CMS_DIR, 'dist', 'src', 'index.js'))) throw new BenchError('The CMS is not compiled: run `npx tsx scripts/test/prepare.ts` (or `npm start` once)');
  log(`Publish → live benchmark: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, sizes ${flags.sizes.join(', ')}, ${flags.publishes} publishes each, budget ${flags['budget-minutes']} min a size`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const results: SizeResult[] = [];
  let secondsPerPiece: number | null = null;
  try {
    for (const size of flags.sizes) {
      const result = await benchSize(size, flags, browser, secondsPerPiece);
      if (result.seedMs && size >= 500) secondsPerPiece = result.seedMs / 1000 / size;
      results.push(result);
    }
  } finally {
    await browser.close();
  }
  log('\nPublish → live (from the publish request to the page served, feeds and search updated):');
  log('  pieces   seeding   first build   publishes   median    worst     worker busy (median)   unpublish median   worst');
  for (const r of results) {
    const row = [
      String(r.size).padStart(6),
      seconds(r.seedMs).padStart(9),
      seconds(r.firstBuildMs).padStart(13),
      String(r.latencies.length).padStart(11),
      (r.latencies.length ? seconds(median(r.latencies)) : '—').padStart(9),
      (r.latencies.length ? seconds(Math.max(...r.latencies)) : '—').padStart(9),
      (r.builds.length ? seconds(median(r.builds)) : '—').padStart(22),
      (r.unpublishes.length ? seconds(median(r.unpublishes)) : '—').padStart(18),
      (r.unpublishes.length ? seconds(Math.max(...r.unpublishes)) : '—').padStart(7),
    ].join(' ');
    log(`  ${row}${r.note ? `\n         ${r.note}` : ''}`);
  }
  // The scheduler's clock for a publish runs past going live: the worker then records which files
  // changed and prunes the oldest release before it is idle.
  log('  worker busy: from the start of the build until the worker is idle again, past going live (record of changed files, pruning)');
  for (const r of results) {
    if (r.burst) log(`  burst at ${r.size} pieces: ${r.burst.publishes} publishes in ${seconds(r.burst.sentMs)}, all live ${seconds(r.burst.allLiveMs)} after the last one (target ≤ 10 s), ${r.burst.builds} builds`);
  }
  // The cost of a publish should barely grow with the site.
  const at = (n: number) => results.find((r) => r.size === n && r.latencies.length);
  const [small, large] = [at(1000), at(10000)];
  if (small && large) log(`  10,000 / 1,000 median publish-to-live: ${(median(large.latencies) / median(small.latencies)).toFixed(2)}`);
  if (results.some((r) => r.note?.startsWith('failed'))) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  publishBench(process.argv.slice(2)).then(
    () => process.exit(process.exitCode ?? 0),
    (error: Error) => {
      console.error(`Benchmark failed: ${error.message}`);
      process.exit(1);
    },
  );
}
