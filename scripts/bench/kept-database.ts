import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { GENERATED_SECRETS } from '../env/ensure-env.ts';
import { CMS_DIR } from '../lib/cms-process.ts';
import { BenchError } from './bench-error.ts';

const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type PgClient = {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
};

export interface KeptDatabase {
  url: string;
  /** The CMS's secrets and the admin's login, the same on every run against this database. */
  secrets: Record<string, string>;
  admin: { email: string; password: string };
  /** Whether this run created it (it is then seeded from nothing). */
  created: boolean;
}

const storedSchema = z.object({ secrets: z.record(z.string()), admin: z.object({ email: z.string(), password: z.string() }) });

/**
 * A PostgreSQL database a benchmark keeps between runs (`--database NAME`): seeding 100 × 200
 * pieces takes half an hour here, a run against a seeded province a few minutes. The secrets
 * the CMS ran with on the first run (its tokens are stored hashed with them) and the admin's
 * login are kept in a table of the database itself, so a later run signs in as before.
 */
export async function keptDatabase(name: string): Promise<KeptDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new BenchError(`--database ${name}: a PostgreSQL name of lower-case letters, digits and _`);
  const { Client } = createRequire(join(CMS_DIR, 'package.json'))('pg') as { Client: new (o: { connectionString: string }) => PgClient };
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect().catch((error: Error) => {
    throw new BenchError(`PostgreSQL is not reachable at ${PG_URL}: ${error.message}`);
  });
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query('CREATE TABLE IF NOT EXISTS tt_bench_run (value text NOT NULL)');
    const row = (await db.query('SELECT value FROM tt_bench_run LIMIT 1')).rows[0];
    if (row) return { url: url.toString(), ...storedSchema.parse(JSON.parse(String(row.value))), created: false };
    if (exists) throw new BenchError(`--database ${name} exists but was not made by this benchmark (no tt_bench_run table row): name another`);
    const stored = {
      secrets: Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
      admin: { email: 'bench@phutho.test', password: `Bench${randomBytes(6).toString('hex')}9` },
    };
    await db.query('INSERT INTO tt_bench_run (value) VALUES ($1)', [JSON.stringify(stored)]);
    return { url: url.toString(), ...stored, created: true };
  } finally {
    await db.end();
  }
}

/**
 * VACUUM ANALYZE before a run. Seeding inserts tens of thousands of rows in minutes and
 * autovacuum had analyzed none of the tables when the first run started (pg_stat_user_tables):
 * every run, the first included, now starts with the planner's statistics in place. (Measured
 * here, it did not explain a slow first run: the run after it was no faster.)
 */
export async function analyzeDatabase(url: string): Promise<void> {
  const { Client } = createRequire(join(CMS_DIR, 'package.json'))('pg') as { Client: new (o: { connectionString: string }) => PgClient };
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('VACUUM ANALYZE');
  } finally {
    await db.end();
  }
}
