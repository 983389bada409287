import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexesOf } from '../../content-types/src/strapi-schema.ts';
import { allTypes } from '../../content-types/src/kinds/index.ts';
import { internalTypes } from '../../content-types/src/internal/index.ts';
import { openDatabase, type DatabaseClient } from '../../scripts/lib/database-client.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

// Without an index, a portal's coverage (its commune's rows) and a publish's slug check each
// read a whole table: ~40 ms a query at 100 communes × 200 pieces, 37 s of statement time in a
// province benchmark run where PostgreSQL used 54.6 CPU s. The content model declares them; Strapi's schema sync makes them.
describe('the indexes of the content model', () => {
  it('cover every slug, every commune and every piece a record points to', () => {
    const indexed = new Map([...allTypes, ...internalTypes].map((type) => [type.plural, indexesOf(type).map((i) => i.columns.join(','))]));
    expect(indexed.get('articles')).toEqual(['slug', 'commune']);
    expect(indexed.get('fact-checks')).toEqual(['slug', 'commune']);
    expect(indexed.get('crosspost-jobs')).toEqual(['piece_id', 'commune']);
    expect(indexed.get('takedowns')).toEqual(['piece_id']);
    expect(indexed.get('themes')).toEqual([]);
  });
});

describe('a CMS on PostgreSQL', () => {
  let cms: TestCms;
  let db: DatabaseClient;
  beforeAll(async () => {
    cms = await bootCms({ database: 'postgres' });
    db = await openDatabase(cms.databaseTarget);
  });
  afterAll(async () => {
    await db?.close();
    await cms?.stop();
  });

  it('has made each declared index, on the column it names', async () => {
    const rows = (await db.query("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")) as Array<{ tablename: string; indexname: string; indexdef: string }>;
    const expected = [...allTypes, ...internalTypes].flatMap((type) => indexesOf(type).map((index) => ({ table: type.plural.replace(/-/g, '_'), ...index })));
    expect(expected.length).toBeGreaterThan(10);
    for (const index of expected) {
      const found = rows.find((row) => row.indexname === index.name);
      expect(found, index.name).toBeDefined();
      expect(found!.tablename).toBe(index.table);
      expect(found!.indexdef).toContain(`(${index.columns.join(', ')})`);
    }
  });

  it('answers a commune\'s rows and a slug from the index, not by reading the table', async () => {
    // On a table this small the planner would read it anyway: forbid that, and the plan must use the index.
    const plan = async (sql: string) => {
      const rows = (await db.query(`EXPLAIN ${sql}`)) as Array<Record<string, string>>;
      return rows.map((row) => Object.values(row)[0]).join('\n');
    };
    await db.query('SET enable_seqscan = off');
    expect(await plan("SELECT id FROM articles WHERE slug = 'x' AND published_at IS NOT NULL")).toMatch(/articles_slug_idx/);
    expect(await plan("SELECT id FROM articles WHERE commune = 'thanh-thuy' AND published_at IS NOT NULL")).toMatch(/articles_commune_idx/);
  });
});
