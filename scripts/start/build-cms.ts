import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMS_DIR, strapiBin } from '../lib/cms-process.ts';

const ADMIN_MARK = join(CMS_DIR, 'dist', 'build', '.admin-source-hash');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile()).sort();
}

/**
 * Hash of what the admin bundle is built from: its sources, the lockfile, and the public URL
 * Strapi bakes into the bundle as the backend it calls.
 */
function adminSourceHash(env: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(CMS_DIR, 'src', 'admin')), join(CMS_DIR, '..', 'package-lock.json')]) {
    hash.update(file).update(readFileSync(file));
  }
  hash.update(`CMS_PUBLIC_URL=${env.CMS_PUBLIC_URL ?? ''}`);
  return hash.digest('hex');
}

/** Whether cms/dist/build holds the admin bundle of the current sources (tests reuse it). */
export function adminBuildIsCurrent(env: Record<string, string | undefined>): boolean {
  return existsSync(ADMIN_MARK) && readFileSync(ADMIN_MARK, 'utf8') === adminSourceHash(env) && existsSync(join(CMS_DIR, 'dist', 'build', 'index.html'));
}

/**
 * Builds what `strapi start` runs: the admin bundle only when its sources changed (30–40 s,
 * ~2 GB), otherwise just the server code (a few seconds).
 */
export function buildCms(env: Record<string, string>, log: (line: string) => void): void {
  const started = Date.now();
  // Hashed before building: a source edited during the build must not pass for built.
  const wanted = adminSourceHash(env);
  if (!adminBuildIsCurrent(env)) {
    log('Đang dựng trang quản trị (lần đầu mất khoảng một phút)…');
    execFileSync(process.execPath, [strapiBin(), 'build', '--minify'], { cwd: CMS_DIR, stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
    writeFileSync(ADMIN_MARK, wanted);
    log(`Admin built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    execFileSync(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() }).then(() => process.exit(0))"], { cwd: CMS_DIR, stdio: 'inherit', env });
    log(`CMS server compiled in ${((Date.now() - started) / 1000).toFixed(1)} s (admin unchanged)`);
  }
}
