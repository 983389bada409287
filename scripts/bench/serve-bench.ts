// `npm run bench -- serve`: requests per second of the portal server on one article page,
// beside nginx serving the same files (issue 8: at least 0.5 × nginx).
//   tsx scripts/bench/serve-bench.ts [--pieces 200 | --release DIR] [--page /tin-tuc/x/]
//     [--seconds 10] [--connections 32] [--threads 2] [--rounds 2] [--keep]
// The page is a real one: the portal is built by the real site build from the synthetic CMS
// (or taken from DIR) and precompressed as the worker does. Both servers serve it from the
// same `current` link with one process each (nginx: worker_processes 1), one after the other,
// `rounds` times: on a shared 2-core machine their ratio means more than either figure.
// Installs nothing: without wrk there is nothing to measure, without nginx only our server is.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BenchError } from './bench-error.ts';
import { findTool } from './find-tool.ts';
import { cpuSecondsOfTree } from './process-cpu.ts';
import { startNginx } from './nginx-beside.ts';
import { startSyntheticCms } from './synthetic-cms.ts';
import { runWrk, type WrkResult } from './wrk.ts';
import { freePort } from '../lib/free-port.ts';
import { precompress } from '../rebuild/releases/precompress.ts';
import { activate, newBuildId, prepareBuildDir, siteLayout } from '../rebuild/releases/release-store.ts';
import { runSiteBuild } from '../rebuild/scheduling/run-site-build.ts';
import { swapSymlink } from '../rebuild/releases/swap-symlink.ts';
import { siteBuildCommand } from '../rebuild/worker-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTALL = 'apt-get install -y nginx-light wrk';

const flagsSchema = z
  .object({
    pieces: z.coerce.number().int().min(1).max(20_000).default(200),
    release: z.string().optional(),
    page: z.string().startsWith('/').optional(),
    seconds: z.coerce.number().int().min(1).max(120).default(10),
    connections: z.coerce.number().int().min(1).max(1000).default(32),
    threads: z.coerce.number().int().min(1).max(16).default(2),
    rounds: z.coerce.number().int().min(1).max(10).default(2),
    keep: z.boolean().default(false),
  })
  .strict();

function parseFlags(argv: string[]) {
  const options = Object.fromEntries(['pieces', 'release', 'page', 'seconds', 'connections', 'threads', 'rounds'].map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, options: { ...options, keep: { type: 'boolean' } }, strict: true });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BenchError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Builds the portal from the synthetic CMS into a release of `dataDir`, precompressed and live; returns an article's address. */
async function buildRelease(dataDir: string, pieces: number): Promise<string> {
  const cms = await startSyntheticCms({ count: pieces });
  try {
    const layout = siteLayout(dataDir);
    const id = newBuildId();
    const outDir = await prepareBuildDir(layout, id);
    const { command, cwd } = siteBuildCommand(ROOT);
    console.log(`Building the portal for ${pieces} synthetic pieces…`);
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    const { durationMs } = await runSiteBuild({
      id,
      command,
      cwd,
      env: { ...env, NODE_ENV: 'production', CMS_URL: cms.url, SITE_API_TOKEN: cms.token, SITE_URL: 'http://localhost:4321', SITE_CACHE_DIR: layout.cache },
      outDir,
      logFile: join(layout.logs, `${id}.log`),
      timeoutMs: 15 * 60_000,
    });
    const { compressed } = await precompress(outDir);
    await activate(layout, id);
    console.log(`Built in ${(durationMs / 1000).toFixed(1)} s; ${compressed} files precompressed (.br, .gz).`);
    const slug = String(cms.entries.get('articles')?.[0]?.slug ?? '');
    if (!slug || !existsSync(join(outDir, 'tin-tuc', slug, 'index.html'))) throw new BenchError(`The build has no page for the first article (${slug || 'none'}) in ${outDir}`);
    return `/tin-tuc/${slug}/`;
  } finally {
    await cms.stop();
  }
}

/** Points `dataDir`'s `current` at a release built elsewhere; returns its first article's address. */
async function takeRelease(dataDir: string, dir: string): Promise<string> {
  if (!existsSync(join(dir, 'index.html'))) throw new BenchError(`--release ${dir} is not a built portal (no index.html)`);
  mkdirSync(siteLayout(dataDir).root, { recursive: true });
  await swapSymlink(siteLayout(dataDir).current, realpathSync(dir));
  const slug = existsSync(join(dir, 'tin-tuc')) ? readdirSync(join(dir, 'tin-tuc')).find((name) => existsSync(join(dir, 'tin-tuc', name, 'index.html.gz'))) : undefined;
  if (!slug) throw new BenchError(`--release ${dir} has no precompressed article page (tin-tuc/<slug>/index.html.gz): give one with --page`);
  return `/tin-tuc/${slug}/`;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function getRaw(url: string): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

interface RunningServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

async function startOurs(dataDir: string, port: number): Promise<RunningServer> {
  // One process, as nginx gets one worker (tsx's CLI would add a second, idle one).
  const script = fileURLToPath(new URL('./portal-process.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, '--data-dir', dataDir, '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((ready, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => failed(new BenchError(`The portal server exited at start (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Measured extends WrkResult {
  /** CPU time the server used per answer, in microseconds. */
  cpuMicros: number;
}

const perSecond = (r: Measured) =>
  `${Math.round(r.requestsPerSecond).toLocaleString('en-US').padStart(7)} req/s, ${r.cpuMicros.toFixed(1)} µs CPU each${r.failures ? `, ${r.failures} failed` : ''}`;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const wrk = findTool('wrk');
  const nginx = findTool('nginx');
  if (!wrk) {
    console.log(`Skipped: wrk is not installed, so there is nothing to measure. Install it (and nginx, to compare) with: ${INSTALL}`);
    return;
  }
  if (!nginx) console.log(`nginx is not installed: only our server is measured, without the ratio. Install it with: ${INSTALL}`);

  const work = mkdtempSync(join(tmpdir(), 'tt-serve-bench-'));
  // nginx's workers run as an unprivileged user when it is started as root: let them read the files.
  chmodSync(work, 0o755);
  const dataDir = join(work, 'data');
  const stops: Array<() => Promise<void>> = [];
  try {
    const found = flags.release ? await takeRelease(dataDir, flags.release) : await buildRelease(dataDir, flags.pieces);
    const page = flags.page ?? found;
    const ours = await startOurs(dataDir, await freePort());
    stops.push(ours.stop);
    const reference = await getRaw(`${ours.url}${page}`);
    if (reference.status !== 200 || reference.headers['content-encoding'] !== 'gzip') throw new BenchError(`Our server answered ${page} with ${reference.status} ${String(reference.headers['content-encoding'] ?? 'uncompressed')}, not 200 gzip`);
    await ours.stop();
    stops.pop();

    // nginx sends the same headers as ours (security headers, the page's policy,
    // Cache-Control); Vary and Accept-Ranges it sends itself.
    const copied = ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'permissions-policy', 'content-security-policy', 'cache-control'];
    const nginxHeaders = Object.fromEntries(copied.filter((h) => reference.headers[h] !== undefined).map((h) => [h, String(reference.headers[h])]));
    const startTheirs = async (tool: string) => startNginx({ nginx: tool, dir: join(work, 'nginx'), root: siteLayout(dataDir).current, port: await freePort(), workers: 1, headers: nginxHeaders });
    if (nginx) {
      const theirs = await startTheirs(nginx);
      stops.push(theirs.stop);
      const check = await getRaw(`${theirs.url}${page}`);
      if (check.status !== 200 || check.headers['content-encoding'] !== 'gzip' || !check.body.equals(reference.body)) {
        throw new BenchError(`nginx does not send the same gzip bytes for ${page} (${check.status}, ${String(check.headers['content-encoding'])}, ${check.body.length} vs ${reference.body.length} bytes)`);
      }
      await theirs.stop();
      stops.pop();
    }

    console.log(`\nPage ${page}: ${reference.body.length.toLocaleString('en-US')} bytes gzip, ${Object.keys(reference.headers).length} headers`);
    console.log(`wrk -c${flags.connections} -t${flags.threads} -d${flags.seconds}s -H 'Accept-Encoding: gzip'; one server at a time, each with 1 process (nginx: worker_processes 1, gzip_static, open_file_cache); ${cpus().length} cores`);
    const measure = async (server: RunningServer): Promise<Measured> => {
      stops.push(server.stop);
      try {
        const cpuBefore = cpuSecondsOfTree(server.pid);
        const result = await runWrk({ wrk, url: `${server.url}${page}`, connections: flags.connections, threads: flags.threads, seconds: flags.seconds, headers: { 'Accept-Encoding': 'gzip' } });
        return { ...result, cpuMicros: ((cpuSecondsOfTree(server.pid) - cpuBefore) / result.requests) * 1e6 };
      } finally {
        await server.stop();
        stops.pop();
      }
    };
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const results: Array<{ load: number; portal: { rps: number; cpuMicros: number }; nginx: { rps: number; cpuMicros: number } | null }> = [];
    for (let round = 1; round <= flags.rounds; round += 1) {
      const load = loadavg()[0];
      const ourResult = await measure(await startOurs(dataDir, await freePort()));
      let line = `round ${round} (load average ${load.toFixed(1)})\n          portal ${perSecond(ourResult)}`;
      const theirResult = nginx ? await measure(await startTheirs(nginx)) : null;
      if (theirResult) {
        const ratio = ourResult.requestsPerSecond / theirResult.requestsPerSecond;
        ratios.push(ratio);
        cpuRatios.push(theirResult.cpuMicros / ourResult.cpuMicros);
        line += `\n          nginx  ${perSecond(theirResult)}\n          ratio ${ratio.toFixed(2)} in requests per second, ${(theirResult.cpuMicros / ourResult.cpuMicros).toFixed(2)} in CPU per request`;
      }
      results.push({
        load,
        portal: { rps: Math.round(ourResult.requestsPerSecond), cpuMicros: Number(ourResult.cpuMicros.toFixed(1)) },
        nginx: theirResult && { rps: Math.round(theirResult.requestsPerSecond), cpuMicros: Number(theirResult.cpuMicros.toFixed(1)) },
      });
      console.log(line);
    }
    if (ratios.length) {
      console.log(`ratio portal/nginx in requests per second: ${ratios.map((r) => r.toFixed(2)).join(', ')} (target ≥ 0.50)`);
      // Requests per second depend on the CPU share each server got from a busy machine; the
      // CPU each needs per answer does much less.
      console.log(`ratio in CPU time per request (nginx's / ours), steadier on a busy machine: ${cpuRatios.map((r) => r.toFixed(2)).join(', ')}`);
    }
    console.log(`  JSON ${JSON.stringify({ page, gzipBytes: reference.body.length, connections: flags.connections, seconds: flags.seconds, processes: 1, rounds: results })}`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (flags.keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Serve benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
