import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uploadPublicUrl } from '@thanh-thuy/content-types';
import { z } from 'zod';
import { ensureEnvFile, madePrivateWarning } from './ensure-env.ts';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const configSchema = z.object({
  CMS_PORT: port(1337),
  SITE_PORT: port(4321),
  WORKER_PORT: port(4322),
  CMS_URL: z.string().url().optional(),
  SITE_URL: z.string().url().optional(),
  SITE_API_TOKEN: z.string().min(32, 'SITE_API_TOKEN must be at least 32 characters'),
  WEBHOOK_SECRET: z.string().min(16, 'WEBHOOK_SECRET must be at least 16 characters'),
  CROSSPOST_RUNNER_SECRET: z.string().min(16, 'CROSSPOST_RUNNER_SECRET must be at least 16 characters'),
  REPORT_API_TOKEN: z.string().min(16, 'REPORT_API_TOKEN must be at least 16 characters'),
  /** Where the cross-post runner checks a page is live; default the local portal server. */
  PORTAL_CHECK_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(ROOT, 'var')),
  /** Where `npm run backup` writes and `npm run doctor` looks; default DATA_DIR/backups. */
  BACKUP_DIR: z.string().optional(),
  BACKUP_ENCRYPTION_KEY: z.string().min(16, 'BACKUP_ENCRYPTION_KEY must be at least 16 characters'),
});

/** MEDIA_URL: where the CMS's media are read when they are in a bucket (UPLOAD_BUCKET; content-types media-origin.ts), else null. */
export type Config = z.infer<typeof configSchema> & { CMS_URL: string; SITE_URL: string; BACKUP_DIR: string; MEDIA_URL: string | null };

/** Loads the generated env file (creating missing secrets) under the process environment. */
export function loadConfig(envFile = resolve(ROOT, process.env.ENV_FILE ?? '.env'), warn: (line: string) => void = console.warn): { config: Config; env: Record<string, string> } {
  const { values, madePrivateFrom } = ensureEnvFile(envFile);
  if (madePrivateFrom) warn(madePrivateWarning(envFile, madePrivateFrom));
  const env: Record<string, string> = { ...values, ...(process.env as Record<string, string>) };
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration in ${envFile} or the environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  return {
    config: {
      ...c,
      CMS_URL: c.CMS_URL ?? `http://localhost:${c.CMS_PORT}`,
      SITE_URL: c.SITE_URL ?? `http://localhost:${c.SITE_PORT}`,
      BACKUP_DIR: resolve(ROOT, c.BACKUP_DIR ?? join(c.DATA_DIR, 'backups')),
      MEDIA_URL: uploadPublicUrl(env),
    },
    env,
  };
}
