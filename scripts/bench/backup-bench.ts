import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BenchError } from './bench-error.ts';
import { runSeed } from './run-seed.ts';
import { ROOT } from '../env/config.ts';
import { GENERATED_SECRETS } from '../env/ensure-env.ts';
import { freePort } from '../lib/free-port.ts';

// `npm run bench -- backup` → `tsx scripts/bench/backup-bench.ts --sizes demo,1000`
// What an operator waits for: `npm run backup` of a SQLite install (demo set with its images,
// then the demo set plus copies up to N published pieces), and `npm run restore` of that
// archive into a fresh SQLite database, each run exactly as documented (npm, a .env file, a
// Strapi boot inside). Prints wall-clock times, the archive's size and the media it carried.

const flagsSchema = z
  .object({
    sizes: z
      .string()
      .regex(/^(demo|\d+)(,(demo|\d+))*$/, 'must be "demo" or piece counts separated by commas, e.g. demo,1000')
      .default('demo,1000')
      .transform((t) => t.split(',')),
    keep: z.boolean().default(false),
  })
  .strict();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function npmRun(script: string, args: string[], envFile: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, ENV_FILE: envFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started }));
  });
}

function writeEnv(path: string, values: Record<string, string>): string {
  writeFileSync(path, Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  return path;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function benchSet(label: string, work: string): Promise<Record<string, unknown>> {
  const dir = join(work, label);
  const src = { db: join(dir, 'src', 'data.db'), public: join(dir, 'src', 'public') };
  mkdirSync(join(src.public, 'uploads'), { recursive: true });
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const dbEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: src.db, CMS_PUBLIC_DIR: src.public };
  // The demo set alone is "at least 1 piece": seed-bench-db.ts adds nothing past the demo.
  const size = label === 'demo' ? 1 : Number(label);
  console.log(`\n${label === 'demo' ? 'demo set' : `${size} pieces`}`);
  const seedMs = await runSeed(size, { ...secrets, ...dbEnv, SEED_DEMO: 'true', WEBHOOK_URL: 'off' });
  console.log(`  seeded in ${s(seedMs)}`);
  // Nothing listens on these ports: restore checks that no CMS is running on CMS_PORT.
  const ports = { CMS_PORT: String(await freePort()), WORKER_PORT: String(await freePort()), SITE_PORT: String(await freePort()) };
  const common = { ...secrets, ...ports, BACKUP_DIR: join(dir, 'backups'), DATA_DIR: join(dir, 'var') };
  const backup = await npmRun('backup', [], writeEnv(join(dir, 'src.env'), { ...common, ...dbEnv }));
  if (backup.code !== 0) throw new BenchError(`npm run backup failed (${backup.code}): ${backup.stderr.trim()}`);
  const archive = /Đã sao lưu: (\S+)/.exec(backup.stdout)?.[1];
  if (!archive) throw new BenchError(`npm run backup did not print the archive's path:\n${backup.stdout}`);
  const archiveBytes = statSync(archive).size;
  const pieces = /gồm (\d+) bản ghi, (\d+) liên kết, (\d+) tệp media/.exec(backup.stdout);
  console.log(`  backup: ${s(backup.ms)}, archive ${mb(archiveBytes)} (${pieces ? `${pieces[1]} records, ${pieces[3]} media files` : 'contents not printed'})`);
  const dst = { db: join(dir, 'dst', 'data.db'), public: join(dir, 'dst', 'public') };
  const restore = await npmRun('restore', [archive], writeEnv(join(dir, 'dst.env'), { ...common, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dst.db, CMS_PUBLIC_DIR: dst.public }));
  if (restore.code !== 0) throw new BenchError(`npm run restore failed (${restore.code}): ${restore.stderr.trim()}`);
  const articles = /Tin bài: (\d+)/.exec(restore.stdout)?.[1];
  console.log(`  restore into a fresh SQLite: ${s(restore.ms)} (${articles ?? '?'} articles restored)`);
  return {
    set: label,
    seedMs,
    backupMs: backup.ms,
    restoreMs: restore.ms,
    archiveBytes,
    sourceDbBytes: statSync(src.db).size,
    sourceMediaBytes: folderBytes(src.public),
    records: pieces ? Number(pieces[1]) : null,
    mediaFiles: pieces ? Number(pieces[3]) : null,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { sizes: { type: 'string' }, keep: { type: 'boolean' } }, strict: true });
  const flags = flagsSchema.safeParse(values);
  if (!flags.success) throw new BenchError(`--${flags.error.issues[0].path.join('.')}: ${flags.error.issues[0].message}`);
  const work = mkdtempSync(join(tmpdir(), 'tt-backup-bench-'));
  console.log(`Backup/restore bench: ${cpus().length} cores; times are wall clock of the npm commands, a Strapi boot included`);
  const results: Array<Record<string, unknown>> = [];
  try {
    for (const label of flags.data.sizes) results.push(await benchSet(label, work));
  } finally {
    if (flags.data.keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ backupBench: results }));
}

main().catch((error: Error) => {
  console.error(`Backup bench failed: ${error.message}`);
  process.exit(1);
});
