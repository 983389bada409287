// What the backup/restore tests share: running a documented command against an env file, a
// CMS started on a given database, and fingerprints of a database and a media folder.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/env/config.ts';
import { startCms, type CmsProcess } from '../../scripts/lib/cms-process.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npm run <script> -- <args>` from the repository root with ENV_FILE=envFile. */
export function npmRun(script: string, args: string[], envFile: string, timeoutMs = 300_000): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: ROOT, env: { ...process.env, ENV_FILE: envFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? 1, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export function writeEnvFile(path: string, values: Record<string, string>): string {
  writeFileSync(path, Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  return path;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** name → sha256 of every file of a media folder. */
export function mediaChecksums(uploadsDir: string): Record<string, string> {
  if (!existsSync(uploadsDir)) return {};
  return Object.fromEntries(
    readdirSync(uploadsDir)
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => [n, sha256(join(uploadsDir, n))]),
  );
}

export interface RunningCms extends CmsProcess {
  siteToken: string;
}

/** A CMS (`strapi start`) on the database and public folder an env gives, with fresh admin. */
export async function startCmsWith(env: Record<string, string>): Promise<RunningCms> {
  const cms = await startCms({ port: await freePort(), quiet: true, env: { SERVE_ADMIN: 'false', SEED_DEMO: 'false', ...env } });
  return { ...cms, siteToken: env.SITE_API_TOKEN };
}

const KINDS = ['articles', 'model-practices', 'service-guides', 'fact-checks'];

/** Everything the portal reads of the published pieces, ids left out (documentIds kept). */
export async function publishedDocuments(cms: RunningCms): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const kind of KINDS) {
    const res = await fetch(`${cms.url}/api/${kind}?populate=*&sort=documentId:asc&pagination[pageSize]=100`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    if (res.status !== 200) throw new Error(`GET /api/${kind} answered ${res.status}: ${await res.text()}`);
    out[kind] = withoutIds(((await res.json()) as { data: unknown }).data);
  }
  return out;
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, withoutIds(v)]));
  return value;
}
