import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CMS_DIR } from './cms-process.ts';
import { describeTarget, type DatabaseTarget } from './database-target.ts';

export type Row = Record<string, unknown>;

/** A plain connection for the operations scripts: counting rows, switching a restore in. */
export interface DatabaseClient {
  target: DatabaseTarget;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  tableExists(table: string, schema?: string): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
  constructor(readonly target: DatabaseTarget, readonly reason: string, options?: ErrorOptions) {
    super(`Không kết nối được ${describeTarget(target)} (${reason}): kiểm tra máy chủ cơ sở dữ liệu đang chạy và địa chỉ trong DATABASE_URL.`, options);
  }
}

// The drivers the CMS itself uses (cms/package.json), so both sides speak the same versions.
const cmsRequire = createRequire(join(CMS_DIR, 'package.json'));

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}

interface SqliteDatabase {
  prepare(sql: string): { all(...params: unknown[]): Row[]; run(...params: unknown[]): unknown; reader: boolean };
  close(): void;
}

export async function openDatabase(target: DatabaseTarget, options: { readonly?: boolean; connectTimeoutMs?: number } = {}): Promise<DatabaseClient> {
  if (target.kind === 'sqlite') {
    if (options.readonly && !existsSync(target.file)) throw new DatabaseUnreachableError(target, 'tệp không tồn tại; CMS tạo tệp này ở lần chạy npm start đầu tiên');
    const Sqlite = cmsRequire('better-sqlite3') as new (file: string, o: { readonly?: boolean; fileMustExist?: boolean }) => SqliteDatabase;
    let db: SqliteDatabase;
    try {
      db = new Sqlite(target.file, { readonly: options.readonly ?? false });
    } catch (error) {
      throw new DatabaseUnreachableError(target, (error as Error).message, { cause: error });
    }
    return {
      target,
      query: async (sql, params = []) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params);
        statement.run(...params);
        return [];
      },
      tableExists: async (table) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").all(table).length > 0,
      close: async () => db.close(),
    };
  }
  const { Client } = cmsRequire('pg') as { Client: new (o: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient };
  const client = new Client({ connectionString: target.url, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DatabaseUnreachableError(target, code ? `${code} ${(error as Error).message}` : (error as Error).message, { cause: error });
  }
  return {
    target,
    query: async (sql, params) => (await client.query(sql, params)).rows,
    tableExists: async (table, schema = target.schema) =>
      (await client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, table])).rows.length > 0,
    close: () => client.end(),
  };
}

/** `"schema"."table"` on PostgreSQL, `"table"` on SQLite; names come from the content model only. */
export function tableRef(client: DatabaseClient, table: string, schema?: string): string {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  if (client.target.kind === 'sqlite') return quote(table);
  return `${quote(schema ?? client.target.schema)}.${quote(table)}`;
}
