import { isAbsolute, join, resolve } from 'node:path';
import { CMS_DIR } from './cms-process.ts';

/** The database a command works on, decided from the environment as cms/config/database.ts does. */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema: string };

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export function databaseTargetFrom(env: Record<string, string | undefined>): DatabaseTarget {
  const url = env.DATABASE_URL ?? '';
  const client = env.DATABASE_CLIENT || (url.startsWith('postgres') ? 'postgres' : 'sqlite');
  if (client === 'postgres') {
    const schema = env.DATABASE_SCHEMA || 'public';
    if (url) return { kind: 'postgres', url, schema };
    const built = new URL('postgres://localhost');
    built.hostname = env.DATABASE_HOST || '127.0.0.1';
    built.port = env.DATABASE_PORT || '5432';
    built.username = encodeURIComponent(env.DATABASE_USERNAME || 'postgres');
    built.password = encodeURIComponent(env.DATABASE_PASSWORD || '');
    built.pathname = `/${env.DATABASE_NAME || 'thanhthuy'}`;
    if (env.DATABASE_SSL === 'true') built.searchParams.set('sslmode', 'require');
    return { kind: 'postgres', url: built.toString(), schema };
  }
  if (client !== 'sqlite') throw new DatabaseConfigError(`DATABASE_CLIENT "${client}" is not supported: use "sqlite" or "postgres"`);
  const filename = env.DATABASE_FILENAME || '.tmp/data.db';
  // Relative to cms/, as in cms/config/database.ts.
  return { kind: 'sqlite', file: isAbsolute(filename) ? filename : resolve(join(CMS_DIR, filename)) };
}

/** The variables that point the Strapi CLI at `target` (and nothing else). */
export function databaseEnv(target: DatabaseTarget): Record<string, string | undefined> {
  if (target.kind === 'sqlite') return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: target.file, DATABASE_URL: undefined };
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url, DATABASE_SCHEMA: target.schema };
}

/** Where a target is, without its password: for messages and logs. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.file}`;
  const url = new URL(target.url);
  url.password = '';
  const shown = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  return `PostgreSQL ${shown}${target.schema !== 'public' ? ` (schema ${target.schema})` : ''}`;
}
