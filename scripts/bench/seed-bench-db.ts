import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DemoPiece as FullDemoPiece } from '../../cms/src/seed/demo-content.ts';
import { CMS_DIR } from '../lib/cms-process.ts';

// Run in its own process by publish-bench.ts (`tsx scripts/bench/seed-bench-db.ts <count>`,
// cwd cms/, the database in the environment): Strapi's destroy() removes every process
// listener, which would break the benchmark's own process.

type Doc = { documentId: string };
type Strapi = {
  load: () => Promise<Strapi>;
  destroy: () => Promise<void>;
  documents: (uid: string) => {
    create: (params: unknown) => Promise<Doc>;
    findMany: (params: unknown) => Promise<Array<Doc & { key?: string; name?: string }>>;
    count: (params: unknown) => Promise<number>;
  };
  db: { transaction: <T>(fn: () => Promise<T>) => Promise<T> };
};

type DemoPiece = Pick<FullDemoPiece, 'kind' | 'data' | 'themes' | 'taskGroups' | 'audiences' | 'unit' | 'channels' | 'residentialArea' | 'draft'>;

const KIND_UIDS: Record<DemoPiece['kind'], string> = {
  article: 'api::article.article',
  'model-practice': 'api::model-practice.model-practice',
  'service-guide': 'api::service-guide.service-guide',
  'fact-check': 'api::fact-check.fact-check',
};

/**
 * Fills the database named in the environment with `count` published pieces (the child
 * process); with SEED_COMMUNES (slugs separated by commas), spread over those communes, each
 * given its details.
 */
export async function seedDatabase(count: number, batch = 250): Promise<void> {
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { createStrapi } = require('@strapi/strapi') as { createStrapi: (o: { appDir: string; distDir: string }) => Strapi };
  const { demoPieces } = require(join(CMS_DIR, 'dist', 'src', 'seed', 'demo-content.js')) as { demoPieces: DemoPiece[] };
  const started = Date.now();
  const strapi = await createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') }).load();
  const booted = Date.now();

  const lookups: Record<string, Map<string, string>> = {};
  for (const singular of ['theme', 'task-group', 'audience', 'channel', 'unit', 'residential-area']) {
    const rows = await strapi.documents(`api::${singular}.${singular}`).findMany({ limit: 1000 });
    lookups[singular] = new Map(rows.map((r) => [String(r.key ?? r.name), r.documentId]));
  }
  const ids = (singular: string, keys: string[]) => keys.map((k) => lookups[singular].get(k)).filter((id): id is string => Boolean(id));
  let existing = 0;
  for (const uid of Object.values(KIND_UIDS)) existing += await strapi.documents(uid).count({ status: 'published' });

  const templates = demoPieces.filter((p) => !p.draft);
  const communes = (process.env.SEED_COMMUNES ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  // Each commune's portal needs its details (content-types communeProfile) before it builds.
  for (const commune of communes) {
    const found = await strapi.documents('api::commune-profile.commune-profile').count({ filters: { commune } });
    if (found === 0) await strapi.documents('api::commune-profile.commune-profile').create({ data: { commune, name: `Xã ${commune}`, authority: `Ủy ban nhân dân xã ${commune}`, province: 'Phú Thọ' } });
  }
  const toCreate = Math.max(0, count - existing);
  for (let done = 0; done < toCreate; ) {
    const size = Math.min(batch, toCreate - done);
    await strapi.db.transaction(async () => {
      for (let i = 0; i < size; i++) {
        const n = done + i + 1;
        const piece = templates[(done + i) % templates.length];
        const { cover: _cover, coverAlt: _alt, ...data } = piece.data;
        if (Array.isArray(data.steps)) data.steps = (data.steps as Array<Record<string, unknown>>).map(({ screenshot: _s, screenshotAlt: _a, ...step }) => step);
        await strapi.documents(KIND_UIDS[piece.kind]).create({
          status: 'published',
          data: {
            ...data,
            // A province (SEED_COMMUNES): the pieces are spread evenly over its communes.
            ...(communes.length ? { commune: communes[(existing + done + i) % communes.length] } : {}),
            title: `${String(data.title).slice(0, 180)} (bản ${n})`,
            slug: undefined,
            themes: ids('theme', piece.themes),
            taskGroups: ids('task-group', piece.taskGroups),
            audiences: ids('audience', piece.audiences),
            channels: ids('channel', piece.channels),
            unit: ids('unit', [piece.unit])[0],
            ...(piece.residentialArea ? { residentialArea: ids('residential-area', [piece.residentialArea])[0] } : {}),
          },
        });
      }
    });
    done += size;
    process.stdout.write(`seeded ${existing + done}/${count} (${Date.now() - booted} ms)\n`);
  }
  // SQLite is closed properly (the benches copy the file, which must hold every page). On
  // PostgreSQL every batch is committed, and Strapi's teardown aborts a background task's pending
  // connection as an unhandled rejection: the process simply exits (the caller does).
  if (process.env.DATABASE_CLIENT !== 'postgres') await strapi.destroy();
  console.log(JSON.stringify({ existing, created: toCreate, bootMs: booted - started, seedMs: Date.now() - booted }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = z.coerce.number().int().min(1).max(100_000).safeParse(process.argv[2]);
  if (!count.success) {
    console.error(`Usage: seed-bench-db.ts <count> (got "${process.argv[2] ?? ''}")`);
    process.exit(2);
  }
  seedDatabase(count.data).then(
    () => process.exit(0),
    (error: Error) => {
      console.error(`Seeding failed: ${error.message}`);
      process.exit(1);
    },
  );
}
