import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../env/config.ts';

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

// SITE_BUILD_COMMAND: a JSON array of argv (["node","build.js"]) or words separated by spaces.
const command = z
  .string()
  .transform((text, ctx) => {
    if (!text.trim().startsWith('[')) return text.trim().split(/\s+/);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is neither JSON nor a list of words' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.string().min(1)).min(1, 'names no command'));

const workerEnvSchema = z.object({
  WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  SITE_HOST: z.string().min(1).default('0.0.0.0'),
  SITE_BUILD_COMMAND: command.optional(),
  BUILD_DEBOUNCE_MS: ms(150),
  BUILD_TIMEOUT_MS: ms(15 * 60_000),
  BUILD_RETRY_BASE_MS: ms(5_000),
  BUILD_RETRY_MAX_MS: ms(5 * 60_000),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(env: Record<string, string | undefined>): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid worker configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

export interface BuildCommand {
  command: string[];
  cwd: string;
}

/**
 * The site build of the contract, `npm run build -w @thanh-thuy/site`. When that npm script is
 * a plain `node <file>`, the file is run directly in the site's folder, as npm would run it,
 * without npm's own start-up (~0.3 s of a publish-to-live budget of seconds).
 */
export function siteBuildCommand(root: string, env: Record<string, string | undefined> = process.env): BuildCommand {
  const siteDir = join(root, 'site');
  const pkg = JSON.parse(readFileSync(join(siteDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.build ?? '';
  const direct = /^node ([\w./-]+\.m?js)$/.exec(script.trim());
  if (direct && existsSync(join(siteDir, direct[1]))) return { command: [process.execPath, join(siteDir, direct[1])], cwd: siteDir };
  const npm = env.npm_execpath && /npm-cli\.js$/.test(env.npm_execpath) ? [process.execPath, env.npm_execpath] : ['npm'];
  return { command: [...npm, 'run', 'build', '-w', '@thanh-thuy/site'], cwd: root };
}

/** The site build as a long-lived process that renders only what changed (site/scripts/build-service.mjs). */
export const siteBuildService = (root: string) => join(root, 'site', 'scripts', 'build-service.mjs');

/**
 * SITE_BUILD_COMMAND when set (run from the repository root, once per build), otherwise the
 * site's build service.
 */
export function buildCommandFrom(workerEnv: WorkerEnv, root: string): BuildCommand & { service?: string } {
  return workerEnv.SITE_BUILD_COMMAND ? { command: workerEnv.SITE_BUILD_COMMAND, cwd: root } : { ...siteBuildCommand(root), service: siteBuildService(root) };
}

/** What the site build reads (the site build contract), from the project configuration. */
export function siteBuildEnv(config: Pick<Config, 'CMS_URL' | 'SITE_API_TOKEN' | 'SITE_URL'> & { MEDIA_URL?: string | null }): Record<string, string> {
  return { CMS_URL: config.CMS_URL, SITE_API_TOKEN: config.SITE_API_TOKEN, SITE_URL: config.SITE_URL, ...(config.MEDIA_URL ? { MEDIA_URL: config.MEDIA_URL } : {}) };
}

/** Worker options from the configuration, as `npm start` and the standalone worker use them. */
export function workerOptionsFrom(config: Config, workerEnv: WorkerEnv, root: string) {
  return {
    dataDir: config.DATA_DIR,
    host: workerEnv.WORKER_HOST,
    port: config.WORKER_PORT,
    secret: config.WEBHOOK_SECRET,
    build: { ...buildCommandFrom(workerEnv, root), env: siteBuildEnv(config), timeoutMs: workerEnv.BUILD_TIMEOUT_MS },
    debounceMs: workerEnv.BUILD_DEBOUNCE_MS,
    retryBaseMs: workerEnv.BUILD_RETRY_BASE_MS,
    retryMaxMs: workerEnv.BUILD_RETRY_MAX_MS,
    buildOnStart: 'always' as const,
  };
}

/**
 * The portal server's draft previews (issue 10): the worker's build variables and the signing
 * secret the CMS shares; none without PREVIEW_SECRET (the CMS then offers no preview either).
 */
export function portalPreview(config: Pick<Config, 'CMS_URL' | 'SITE_API_TOKEN' | 'SITE_URL'>, env: Record<string, string | undefined>) {
  if (!env.PREVIEW_SECRET) return undefined;
  return { buildEnv: siteBuildEnv(config), secret: env.PREVIEW_SECRET, cmsOrigins: [config.CMS_URL, env.CMS_PUBLIC_URL] };
}
