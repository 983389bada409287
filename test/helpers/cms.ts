import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { CMS_DIR, CmsStartError, startCms, type CmsProcess } from '../../scripts/lib/cms-process.ts';
import { databaseTargetFrom, type DatabaseTarget } from '../../scripts/lib/database-target.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export type Database = 'sqlite' | 'postgres';

export interface TestCms {
  url: string;
  database: Database;
  siteToken: string;
  /** The generated secrets the CMS was started with (CROSSPOST_RUNNER_SECRET, …). */
  secrets: Record<string, string>;
  admin: { email: string; password: string };
  /** The CMS's own database, for a test that must set up rows the admin cannot write. */
  databaseTarget: DatabaseTarget;
  /** JWT of the super admin, fetched once (admin logins are rate-limited). */
  adminToken: () => Promise<string>;
  output: () => string;
  /** Stops the CMS and starts it again on the same database and port (its bootstrap runs again). */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface PostgresDatabase {
  url: string;
  /** How many of Strapi's tables the database holds: proof the CMS really wrote there. */
  strapiTables: () => Promise<number>;
  drop: () => Promise<void>;
}

/** A new, empty PostgreSQL database on the local server (TEST_POSTGRES_URL), dropped by `drop`. */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { Client } = require('pg') as {
    Client: new (options: { connectionString: string }) => {
      connect(): Promise<void>;
      query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
      end(): Promise<void>;
    };
  };
  const name = `tt_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL}: start it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' or set TEST_POSTGRES_URL`,
      { cause: error },
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    strapiTables: async () => {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('articles', 'strapi_core_store_settings', 'admin_users')");
      await c.end();
      return Number(rows[0].n);
    },
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function sqliteStrapiTables(filename: string): number {
  if (!existsSync(filename)) return 0;
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const Sqlite = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => {
    prepare(sql: string): { get(): { n: number } };
    close(): void;
  };
  const db = new Sqlite(filename, { readonly: true });
  try {
    return db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'strapi_core_store_settings', 'admin_users')").get().n;
  } finally {
    db.close();
  }
}

/**
 * Starts the CMS on a port picked free, and on another one should a process take that port
 * before the CMS listens (Strapi then stops with "The port … is already used"; two test files
 * can pick the same port in that window).
 */
async function startOnFreePort(options: (port: number) => Parameters<typeof startCms>[0]): Promise<CmsProcess> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startCms(options(await freePort()));
    } catch (error) {
      if (attempt === 3 || !(error instanceof CmsStartError) || !/is already used by another application/.test(error.output)) throw error;
    }
  }
}

/** Boots a real CMS (`strapi start`) on a free port and a fresh temporary database. */
export async function bootCms(options: { database?: Database; seedDemo?: boolean; env?: Record<string, string | undefined> } = {}): Promise<TestCms> {
  const database = options.database ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'tt-cms-'));
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const admin = { email: 'admin@thanhthuy.test', password: `Test${randomBytes(6).toString('hex')}9` };
  let dropDatabase: (() => Promise<void>) | undefined;
  let pg: PostgresDatabase | undefined;
  const dbEnv: Record<string, string> = {};
  if (database === 'postgres') {
    pg = await createPostgresDatabase();
    // Pinned, not inferred from the URL: a PostgreSQL run must never fall back to SQLite.
    dbEnv.DATABASE_CLIENT = 'postgres';
    dbEnv.DATABASE_URL = pg.url;
    dropDatabase = pg.drop;
  } else {
    dbEnv.DATABASE_CLIENT = 'sqlite';
    dbEnv.DATABASE_FILENAME = join(dir, 'data.db');
  }
  let cms: CmsProcess | undefined;
  let startOptions: Parameters<typeof startCms>[0] | undefined;
  try {
    cms = await startOnFreePort((port) => (startOptions = {
      port,
      quiet: true,
      env: {
        ...secrets,
        ...dbEnv,
        SERVE_ADMIN: 'false',
        SEED_DEMO: options.seedDemo ? 'true' : 'false',
        // A production start never loads the demo set (cms/src/seed/demo-decision.ts).
        ...(options.seedDemo ? { NODE_ENV: 'development' } : {}),
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        ...options.env,
      },
    }));
    // Proof of the database in use: the CMS created its tables where the test said it would.
    const filename = options.env?.DATABASE_FILENAME ?? dbEnv.DATABASE_FILENAME;
    const tables = pg ? await pg.strapiTables() : sqliteStrapiTables(filename);
    if (tables !== 3) throw new Error(`The CMS did not create its tables in the test's ${database} database (${tables} of 3 found)`);
  } catch (error) {
    await cms?.stop();
    await dropDatabase?.();
    throw error;
  }
  let running = cms;
  const env = startOptions!.env;
  let token: Promise<string> | undefined;
  return {
    url: running.url,
    databaseTarget: databaseTargetFrom(env),
    database,
    siteToken: secrets.SITE_API_TOKEN,
    secrets,
    admin,
    adminToken: () =>
      (token ??= fetch(`${running.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      }).then(async (res) => {
        const body = (await res.json()) as { data?: { token?: string } };
        if (!body.data?.token) throw new Error(`Admin login failed (${res.status}): ${JSON.stringify(body)}`);
        return body.data.token;
      })),
    output: () => running.output(),
    restart: async () => {
      await running.stop();
      running = await startCms(startOptions!);
    },
    stop: async () => {
      await running.stop();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
