// Builds the portal for N synthetic pieces and prints wall time, peak memory and the cost of
// each phase: content sync, page generation and the search index.
// With --bare, also a bare `astro build` of the same pages, and the ratio of the two.
//   npx tsx scripts/bench/site-bench.ts --count 1000 --count 10000 [--warm] [--bare]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { bareAstroBuild } from './bare-astro-build.ts';
import { startSyntheticCms } from './synthetic-cms.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_SCRIPT = join(ROOT, 'site/scripts/build.mjs');

const flagsSchema = z.object({
  count: z.array(z.coerce.number().int().min(1).max(50_000)).min(1),
  warm: z.boolean(),
  bare: z.boolean(),
  images: z.coerce.number().int().min(0).max(200),
});

function parseFlags(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', short: 'n', multiple: true, default: ['1000'] },
      warm: { type: 'boolean', default: false },
      bare: { type: 'boolean', default: false },
      images: { type: 'string', default: '12' },
    },
  });
  const parsed = flagsSchema.safeParse({ ...values, count: (values.count ?? []).flatMap((c) => c.split(',')) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid flag --${issue.path[0]}: ${issue.message} (usage: --count 1000 --count 10000 [--warm] [--bare] [--images 12])`);
  }
  return parsed.data;
}

// What site/scripts/build.mjs writes to SITE_BUILD_TIMINGS.
interface Timings {
  bundleMs: number;
  bundleBuilt: boolean;
  loadMs: number;
  renderMs: number;
  pagefindMs: number;
  totalMs: number;
  indexedPages: number;
  pages: number;
  renderedPages: number;
  incremental: boolean;
}

/** Sum of the resident memory of a process and all its descendants, in bytes. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
      continue;
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function countHtml(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? countHtml(path) : name.endsWith('.html') ? 1 : 0);
  }, 0);
}

async function timedBuild(env: Record<string, string>): Promise<{ timings: Timings; wallMs: number; peakRss: number }> {
  const timingsFile = join(env.SITE_OUT_DIR, '..', `timings-${Date.now()}.json`);
  const started = Date.now();
  // With the V8 flag the worker's build service runs with (scheduling/site-build-service.ts).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', BUILD_SCRIPT], { env: { ...process.env, ...env, SITE_BUILD_TIMINGS: timingsFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  let peakRss = 0;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 200);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(poll);
  if (code !== 0) throw new Error(`Site build failed for the bench: ${stderr.trim()}`);
  return { timings: JSON.parse(readFileSync(timingsFile, 'utf8')), wallMs: Date.now() - started, peakRss };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const per = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms`;

function report(label: string, count: number, pages: number, run: Awaited<ReturnType<typeof timedBuild>>) {
  const t = run.timings;
  console.log(`\n${label}: ${count} pieces → ${pages} HTML pages, ${t.indexedPages} searchable`);
  console.log(`  wall time        ${s(run.wallMs)}   peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MB (build process tree)`);
  console.log(`  server bundle    ${s(t.bundleMs)}   ${t.bundleBuilt ? '(astro build: the site code changed)' : '(cached)'}`);
  console.log(`  CMS data         ${s(t.loadMs)}   ${per(t.loadMs, count)} per piece (fetch, validate, Markdown)`);
  console.log(`  rendering        ${s(t.renderMs)}   ${t.renderedPages} of ${t.pages} pages${t.incremental ? ' (incremental)' : ''}, ${per(t.renderMs, Math.max(1, t.renderedPages))} per page (incl. images)`);
  console.log(`  search index     ${s(t.pagefindMs)}   after rendering (pagefind indexes beside it), ${t.indexedPages} pages`);
  console.log(`  JSON ${JSON.stringify({ label, count, htmlPages: pages, wallMs: run.wallMs, peakRssMb: Math.round(run.peakRss / 2 ** 20), ...t })}`);
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  for (const count of flags.count) {
    const work = mkdtempSync(join(tmpdir(), `tt-bench-${count}-`));
    const cms = await startSyntheticCms({ count, images: flags.images });
    try {
      const env = { CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL: 'http://localhost:4321', SITE_CACHE_DIR: join(work, 'cache') };
      const cold = await timedBuild({ ...env, SITE_OUT_DIR: join(work, 'cold') });
      report('cold build (empty cache)', count, countHtml(join(work, 'cold')), cold);
      if (flags.bare) {
        const bare = await bareAstroBuild(join(work, 'cold'));
        console.log(`  bare astro build ${s(bare.wallMs)}   peak RSS ${bare.peakRssMb ?? '?'} MB, ${bare.pages} pages of the same HTML (static output, no data, templates, images or search)`);
        console.log(`  ratio            ${(cold.wallMs / bare.wallMs).toFixed(2)} × the bare astro build (targets at 10,000 pieces: ≤ 25 s wall, ≤ 1.5 GB peak)`);
        console.log(`  JSON ${JSON.stringify({ label: 'bare astro build', count, htmlPages: bare.pages, wallMs: bare.wallMs, peakRssMb: bare.peakRssMb, ratio: Number((cold.wallMs / bare.wallMs).toFixed(2)) })}`);
      }
      if (flags.warm) {
        const first = cms.entries.get('articles')![0];
        first.title = `${first.title} (sửa)`;
        first.updatedAt = new Date().toISOString();
        const warm = await timedBuild({ ...env, SITE_OUT_DIR: join(work, 'warm'), SITE_PREVIOUS_DIR: join(work, 'cold') });
        report('incremental rebuild from the cold one (1 piece changed, in a new process)', count, countHtml(join(work, 'warm')), warm);
      }
    } finally {
      await cms.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
