import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

// The secrets a fresh clone needs, generated on first start into a git-ignored env file.
// Nothing here has a default value anywhere else: a missing secret is generated, never guessed.
const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

export const GENERATED_SECRETS: Record<string, () => string> = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: () => secret(),
  ADMIN_JWT_SECRET: () => secret(),
  TRANSFER_TOKEN_SALT: () => secret(),
  JWT_SECRET: () => secret(),
  ENCRYPTION_KEY: () => secret(32),
  SITE_API_TOKEN: () => randomBytes(48).toString('hex'),
  WEBHOOK_SECRET: () => secret(32),
  CROSSPOST_RUNNER_SECRET: () => secret(32),
  // `npm run report` reads the whole periodic report (sightings, activities) with it.
  REPORT_API_TOKEN: () => secret(32),
  // Encrypts `npm run backup` archives. Keep a copy away from this machine: without it no
  // backup can be read back.
  BACKUP_ENCRYPTION_KEY: () => secret(32),
  // Signs the short-lived links of "Xem trước" (draft preview on the portal), checked by the
  // CMS and the portal server.
  PREVIEW_SECRET: () => secret(32),
};

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return values;
}

const PRIVATE = 0o600;

export interface EnsuredEnv {
  values: Record<string, string>;
  added: string[];
  /** The file was readable or writable by others: its old mode (e.g. "644"), now 600. */
  madePrivateFrom: string | null;
}

/**
 * Adds any missing secret to `path` (creating it) and returns the file's values. The file
 * holds every secret of the install: it is kept readable by its owner only. writeFileSync's
 * `mode` applies only when it creates the file, so an existing file (copied from
 * .env.example, restored from a backup, made by an editor with umask 022) is fixed here.
 */
export function ensureEnvFile(path: string): EnsuredEnv {
  const exists = existsSync(path);
  let madePrivateFrom: string | null = null;
  // Before anything is added to it: a new secret never sits in a file others can read.
  const mode = exists ? statSync(path).mode & 0o777 : PRIVATE;
  if (mode & 0o077) {
    chmodSync(path, PRIVATE);
    madePrivateFrom = mode.toString(8);
  }
  const text = exists ? readFileSync(path, 'utf8') : '';
  const values = parseEnvFile(text);
  const added: string[] = [];
  for (const [name, make] of Object.entries(GENERATED_SECRETS)) {
    if (!values[name]) {
      values[name] = make();
      added.push(name);
    }
  }
  if (added.length > 0) {
    const header = text ? '' : '# Generated on first start by scripts/env/ensure-env.ts. Secret: never commit this file.\n';
    const lines = added.map((name) => `${name}=${values[name]}`).join('\n');
    writeFileSync(path, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${header}${lines}\n`, { mode: PRIVATE });
  }
  return { values, added, madePrivateFrom };
}

/** The line the operator sees when ensureEnvFile had to make the file private. */
export function madePrivateWarning(path: string, from: string): string {
  return `Cảnh báo: ${path} chứa các khóa bí mật nhưng người dùng khác trên máy đọc hoặc sửa được (quyền ${from}); đã đổi quyền thành 600 (chỉ chủ tệp đọc, ghi). Nếu tệp đã bị người khác đọc, hãy tạo lại các khóa.`;
}

export { parseEnvFile };
