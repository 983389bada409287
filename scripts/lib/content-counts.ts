import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CMS_DIR } from './cms-process.ts';
import { tableRef, type DatabaseClient } from './database-client.ts';

/** A kind of record a commune cares about: the content model's types and the media library. */
export interface CountedKind {
  uid: string;
  table: string;
  /** Vietnamese name an operator reads (the admin's display name). */
  label: string;
}

const schemaFile = z.object({ collectionName: z.string().min(1), info: z.object({ singularName: z.string(), displayName: z.string() }) });

/** Every collection of cms/src/api (generated from content-types/) plus media files. */
export function countedKinds(): CountedKind[] {
  const apiDir = join(CMS_DIR, 'src', 'api');
  const kinds: CountedKind[] = [];
  for (const api of readdirSync(apiDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const typesDir = join(apiDir, api, 'content-types');
    let names: string[];
    try {
      names = readdirSync(typesDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // a route-only api (e.g. crosspost)
      throw error;
    }
    for (const name of names) {
      const file = join(typesDir, name, 'schema.json');
      const parsed = schemaFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
      kinds.push({ uid: `api::${api}.${parsed.data.info.singularName}`, table: parsed.data.collectionName, label: parsed.data.info.displayName });
    }
  }
  kinds.push({ uid: 'plugin::upload.file', table: 'files', label: 'Tệp media' });
  return kinds;
}

export interface KindCount extends CountedKind {
  /** Database rows (a published piece has two: its draft and its published version). */
  rows: number;
  documents: number;
}

export async function countContent(client: DatabaseClient, schema?: string): Promise<KindCount[]> {
  const counts: KindCount[] = [];
  for (const kind of countedKinds()) {
    if (!(await client.tableExists(kind.table, schema))) {
      counts.push({ ...kind, rows: 0, documents: 0 });
      continue;
    }
    const [row] = await client.query(`SELECT count(*) AS rows, count(DISTINCT document_id) AS documents FROM ${tableRef(client, kind.table, schema)}`);
    counts.push({ ...kind, rows: Number(row.rows), documents: Number(row.documents) });
  }
  return counts;
}

/** What the operator sees after a restore or a move: "Tin bài: 12", one kind a line. */
export function formatCounts(counts: KindCount[]): string[] {
  return counts.map((c) => `  ${c.label}: ${c.documents}`);
}

/** True when the database holds anything an editor made (the taxonomy is seeded at every start). */
export function holdsContent(counts: KindCount[], seeded: ReadonlySet<string>): boolean {
  return counts.some((c) => c.rows > 0 && !seeded.has(c.uid));
}
