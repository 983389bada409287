import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { BenchError } from './bench-error.ts';

const SITE_DIR = resolve(import.meta.dirname, '../../site');

/** Every HTML page of a release as [route path, file]: "tin-tuc/x/index.html" → "tin-tuc/x". */
function htmlPages(release: string, dir = release, into: Array<[string, string]> = []): Array<[string, string]> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) htmlPages(release, path, into);
    else if (name === 'index.html') into.push([relative(release, dir), path]);
  }
  return into;
}

/**
 * The floor the issue compares the portal's full build with: a bare `astro build` (static
 * output, no integrations) of the same pages, one dynamic route that writes each page's HTML
 * as our build made it. It pays Astro's start-up, bundling and page generation for as many
 * pages, and none of our data loading, templates, images or search index.
 * Returns its wall time and peak memory (the `astro` process's own, from /usr/bin/time when
 * present, else null).
 */
export async function bareAstroBuild(release: string): Promise<{ pages: number; wallMs: number; peakRssMb: number | null }> {
  const pages = htmlPages(release);
  // Under site/node_modules, so that `astro` resolves from site's packages.
  const parent = join(SITE_DIR, 'node_modules', '.bare-astro-bench');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'run-'));
  try {
    mkdirSync(join(root, 'src', 'pages'), { recursive: true });
    writeFileSync(join(root, 'pages.json'), JSON.stringify(pages));
    writeFileSync(join(root, 'astro.config.mjs'), `export default { output: 'static', trailingSlash: 'ignore', build: { format: 'directory' }, outDir: './dist', devToolbar: { enabled: false } };\n`);
    writeFileSync(
      join(root, 'src', 'pages', '[...path].astro'),
      [
        '---',
        "import { readFileSync } from 'node:fs';",
        'export function getStaticPaths() {',
        `  return JSON.parse(readFileSync(${JSON.stringify(join(root, 'pages.json'))}, 'utf8')).map(([path, file]) => ({ params: { path: path || undefined }, props: { file } }));`,
        '}',
        "const html = readFileSync(Astro.props.file, 'utf8');",
        '---',
        '<Fragment set:html={html} />',
        '',
      ].join('\n'),
    );
    const astro = join(dirname(createRequire(join(SITE_DIR, 'package.json')).resolve('astro/package.json')), 'astro.js');
    const timeBin = '/usr/bin/time';
    const timed = statSync(timeBin, { throwIfNoEntry: false })?.isFile() ?? false;
    const command = timed ? [timeBin, '-f', 'maxrss-kb=%M', process.execPath, astro, 'build'] : [process.execPath, astro, 'build'];
    const started = Date.now();
    const child = spawn(command[0], command.slice(1), { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const wallMs = Date.now() - started;
    if (code !== 0) throw new BenchError(`The bare astro build failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    const rss = /maxrss-kb=(\d+)/.exec(stderr);
    return { pages: pages.length, wallMs, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
