import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CMS_DIR } from '../lib/cms-process.ts';
import { openDatabase } from '../lib/database-client.ts';
import type { DatabaseTarget } from '../lib/database-target.ts';

const cmsRequire = createRequire(join(CMS_DIR, 'package.json'));

/** Where a restore is built before it replaces anything: a database beside the target. */
export interface StagingDatabase {
  target: DatabaseTarget;
  /** Makes the staging database the target's; the old one is kept under `previous`. */
  switchIn(): Promise<{ previous: string | null }>;
  discard(): Promise<void>;
}

/**
 * SQLite: a copy of the target file (admin accounts and API tokens are kept, since Strapi's
 * import replaces only content), renamed over it at the end: rename(2) is atomic.
 * PostgreSQL: a new schema in the target database; the switch renames the two schemas in one
 * transaction. Either way a failure before the switch leaves the target untouched.
 */
export async function createStaging(target: DatabaseTarget, stamp: string): Promise<StagingDatabase> {
  if (target.kind === 'sqlite') return sqliteStaging(target, stamp);
  return postgresStaging(target, stamp);
}

function discardFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

async function sqliteStaging(target: Extract<DatabaseTarget, { kind: 'sqlite' }>, stamp: string): Promise<StagingDatabase> {
  const file = `${target.file}.restoring-${stamp}`;
  mkdirSync(dirname(target.file), { recursive: true });
  if (existsSync(target.file)) {
    const Sqlite = cmsRequire('better-sqlite3') as new (f: string, o: { readonly: boolean }) => { backup(to: string): Promise<unknown>; close(): void };
    const source = new Sqlite(target.file, { readonly: true });
    try {
      await source.backup(file);
    } catch (error) {
      // A half-written copy (a full disk) must not stay behind taking the space.
      discardFile(file);
      throw error;
    } finally {
      source.close();
    }
  }
  const discard = async () => discardFile(file);
  return {
    target: { kind: 'sqlite', file },
    discard,
    switchIn: async () => {
      for (const suffix of ['-wal', '-journal']) {
        if (existsSync(`${file}${suffix}`)) throw new Error(`${file}${suffix} is still there: the import did not close the database cleanly`);
      }
      let previous: string | null = null;
      if (existsSync(target.file)) {
        previous = `${target.file}.before-restore-${stamp}`;
        for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${target.file}${suffix}`)) renameSync(`${target.file}${suffix}`, `${previous}${suffix}`);
      }
      renameSync(file, target.file);
      return { previous };
    },
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function postgresStaging(target: Extract<DatabaseTarget, { kind: 'postgres' }>, stamp: string): Promise<StagingDatabase> {
  const schema = `restore_${stamp}`;
  const client = await openDatabase(target);
  try {
    await client.query(`CREATE SCHEMA ${quote(schema)}`);
  } finally {
    await client.close();
  }
  return {
    target: { ...target, schema },
    discard: async () => {
      const c = await openDatabase(target);
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
      } finally {
        await c.close();
      }
    },
    switchIn: async () => {
      const c = await openDatabase(target);
      const previous = `${target.schema}_before_restore_${stamp}`;
      try {
        const [{ n }] = await c.query('SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1', [target.schema]);
        await c.query('BEGIN');
        try {
          if (Number(n) > 0) await c.query(`ALTER SCHEMA ${quote(target.schema)} RENAME TO ${quote(previous)}`);
          await c.query(`ALTER SCHEMA ${quote(schema)} RENAME TO ${quote(target.schema)}`);
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK');
          throw error;
        }
        return { previous: Number(n) > 0 ? previous : null };
      } finally {
        await c.close();
      }
    },
  };
}

/** Drops what a switch kept aside when it held nothing worth keeping (an empty target). */
export async function dropPrevious(target: DatabaseTarget, previous: string): Promise<void> {
  if (target.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${previous}${suffix}`, { force: true });
    return;
  }
  const c = await openDatabase(target);
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${quote(previous)} CASCADE`);
  } finally {
    await c.close();
  }
}

/** Media: the import writes into a staging public folder; its uploads replace the live ones. */
export function switchUploads(stagingPublic: string, livePublic: string, keepDir: string): string | null {
  const live = join(livePublic, 'uploads');
  const staged = join(stagingPublic, 'uploads');
  let previous: string | null = null;
  mkdirSync(livePublic, { recursive: true });
  if (existsSync(live)) {
    previous = join(keepDir, 'uploads-before-restore');
    renameSync(live, previous);
  }
  try {
    renameSync(staged, live);
  } catch (error) {
    if (previous) renameSync(previous, live);
    throw error;
  }
  return previous;
}

/** Undoes switchUploads when the database could not be switched. */
export function revertUploads(stagingPublic: string, livePublic: string, previous: string | null): void {
  renameSync(join(livePublic, 'uploads'), join(stagingPublic, 'uploads'));
  if (previous) renameSync(previous, join(livePublic, 'uploads'));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
