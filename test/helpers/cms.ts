import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { CMS_DIR, startCms, type CmsProcess } from '../../scripts/lib/cms-process.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export type Database = 'sqlite' | 'postgres';

export interface TestCms {
  url: string;
  database: Database;
  siteToken: string;
  admin: { email: string; password: string };
  /** JWT of the super admin, fetched once (admin logins are rate-limited). */
  adminToken: () => Promise<string>;
  output: () => string;
  stop: () => Promise<void>;
}

const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { Client } = require('pg') as {
    Client: new (options: { connectionString: string }) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> };
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
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Boots a real CMS (`strapi start`) on a free port and a fresh temporary database. */
export async function bootCms(options: { database?: Database; seedDemo?: boolean; env?: Record<string, string | undefined> } = {}): Promise<TestCms> {
  const database = options.database ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'tt-cms-'));
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const admin = { email: 'admin@thanhthuy.test', password: `Test${randomBytes(6).toString('hex')}9` };
  let dropDatabase: (() => Promise<void>) | undefined;
  const dbEnv: Record<string, string> = {};
  if (database === 'postgres') {
    const pg = await createPostgresDatabase();
    dbEnv.DATABASE_URL = pg.url;
    dropDatabase = pg.drop;
  } else {
    dbEnv.DATABASE_CLIENT = 'sqlite';
    dbEnv.DATABASE_FILENAME = join(dir, 'data.db');
  }
  let cms: CmsProcess;
  try {
    cms = await startCms({
      port: await freePort(),
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
    });
  } catch (error) {
    await dropDatabase?.();
    throw error;
  }
  let token: Promise<string> | undefined;
  return {
    url: cms.url,
    database,
    siteToken: secrets.SITE_API_TOKEN,
    admin,
    adminToken: () =>
      (token ??= fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      }).then(async (res) => {
        const body = (await res.json()) as { data?: { token?: string } };
        if (!body.data?.token) throw new Error(`Admin login failed (${res.status}): ${JSON.stringify(body)}`);
        return body.data.token;
      })),
    output: cms.output,
    stop: async () => {
      await cms.stop();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
