import type { Core, UID } from '@strapi/strapi';
import { taxonomy } from '@thanh-thuy/content-types';

type Row = { key: string } & Record<string, unknown>;

// Upserts by key: labels follow the plan at every start, nothing is duplicated, and rows
// an editor added by hand are left alone.
async function upsertByKey(strapi: Core.Strapi, uid: UID.ContentType, rows: Row[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const documents = strapi.documents(uid);
  for (const row of rows) {
    const existing = (await documents.findFirst({ filters: { key: row.key } } as never)) as (Row & { documentId: string }) | null;
    if (!existing) {
      await documents.create({ data: row } as never);
      created += 1;
    } else if (Object.entries(row).some(([field, value]) => existing[field] !== value)) {
      await documents.update({ documentId: existing.documentId, data: row } as never);
      updated += 1;
    }
  }
  return { created, updated };
}

export async function seedTaxonomy(strapi: Core.Strapi): Promise<void> {
  const withOrder = <T extends object>(items: T[], pick: (item: T) => Row) => items.map((item, i) => ({ ...pick(item), order: i + 1 }));
  const plan: Array<[UID.ContentType, Row[]]> = [
    ['api::theme.theme', withOrder(taxonomy.themes, ({ key, label, section, summary }) => ({ key, label, section, summary }))],
    ['api::task-group.task-group', withOrder(taxonomy.taskGroups, ({ key, label }) => ({ key, label }))],
    ['api::channel.channel', withOrder(taxonomy.channels, ({ key, label, group, section }) => ({ key, label, group, section }))],
    ['api::unit.unit', withOrder(taxonomy.units, ({ key, label, roles }) => ({ key, label, roles: roles.join('; ') }))],
    ['api::audience.audience', withOrder(taxonomy.audiences, ({ key, label }) => ({ key, label }))],
  ];
  const summary: string[] = [];
  for (const [uid, rows] of plan) {
    const { created, updated } = await upsertByKey(strapi, uid, rows);
    if (created || updated) summary.push(`${uid}: ${created} created, ${updated} updated`);
  }
  if (summary.length) strapi.log.info(`Taxonomy seeded from the plan (${summary.join('; ')})`);

  const commune = await strapi.documents('api::commune.commune' as UID.ContentType).findFirst({} as never);
  if (!commune) {
    const { name, authority, province } = taxonomy.commune;
    await strapi.documents('api::commune.commune' as UID.ContentType).create({ data: { name, authority, province } } as never);
  }
}
