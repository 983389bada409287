import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

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
};

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return values;
}

/** Adds any missing secret to `path` (creating it) and returns the file's values. */
export function ensureEnvFile(path: string): { values: Record<string, string>; added: string[] } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
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
    writeFileSync(path, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${header}${lines}\n`, { mode: 0o600 });
  }
  return { values, added };
}

export { parseEnvFile };
