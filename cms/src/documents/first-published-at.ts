import type { Core, UID } from '@strapi/strapi';
import { contentKinds, readOnlyFieldsOf, uidOf, type ContentKindDefinition } from '@thanh-thuy/content-types';

// A piece keeps the date it was first published for ever. Strapi 5 sets publishedAt anew on
// every publish (the published row is deleted and recreated from the draft), so a correction
// would otherwise move a piece from 29/08/2025 to the top of every list dated today.
//
// Strapi 5.x has an experimental `features.future.experimental_firstPublishedAt` doing part of
// this, but it hides the field from the edit view, may drop the data when switched off, and
// its update filter stores null whenever a request carries the field back (as the admin's edit
// form does with every field): the next publish would then stamp a new date. Hence our own
// field (content-types/src/kinds/common-fields.ts) and this middleware.

export const FIRST_PUBLISHED_AT = 'firstPublishedAt';

const kindsByUid = new Map<string, ContentKindDefinition>(
  contentKinds.filter((k) => k.draftAndPublish && FIRST_PUBLISHED_AT in k.fields).map((k) => [uidOf(k), k]),
);

type Row = { id: number; documentId: string; publishedAt: unknown; firstPublishedAt: unknown };

const instant = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

async function rowsOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<Row[]> {
  return (await strapi.db.query(uid as UID.ContentType).findMany({
    where: { documentId },
    select: ['id', 'documentId', 'publishedAt', FIRST_PUBLISHED_AT],
  })) as Row[];
}

/**
 * The date a document was first published, from its rows: the one recorded, else (a piece
 * published before this field existed) the date its published version shows.
 */
export function firstPublicationOf(rows: Row[]): Date | null {
  const recorded = rows.map((r) => instant(r.firstPublishedAt)).filter((d): d is Date => d !== null);
  if (recorded.length > 0) return new Date(Math.min(...recorded.map((d) => d.getTime())));
  const shown = rows.map((r) => instant(r.publishedAt)).filter((d): d is Date => d !== null);
  return shown.length > 0 ? new Date(Math.min(...shown.map((d) => d.getTime()))) : null;
}

/** Writes `at` on every row of the document (draft and published) that does not hold it already. */
async function record(strapi: Core.Strapi, uid: string, rows: Row[], at: Date): Promise<number> {
  const stale = rows.filter((r) => instant(r.firstPublishedAt)?.getTime() !== at.getTime()).map((r) => r.id);
  if (stale.length === 0) return 0;
  await strapi.db.query(uid as UID.ContentType).updateMany({ where: { id: { $in: stale } }, data: { [FIRST_PUBLISHED_AT]: at } });
  return stale.length;
}

/**
 * Drops an editor's value for firstPublishedAt (and any other field the model marks readOnly)
 * on create and update, and clears it on clone: a copy is a new piece, never published.
 * Registered before validation, so such a value is ignored rather than judged.
 */
export function registerReadOnlyFields(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const type = kindsByUid.get(context.uid);
    if (!type) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const readOnly = readOnlyFieldsOf(type.fields);
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      for (const name of readOnly) delete params.data[name];
    }
    if (context.action === 'clone') {
      params.data = { ...(params.data ?? {}), ...Object.fromEntries(readOnly.map((name) => [name, null])) };
    }
    return next();
  });
}

/**
 * Records the first publication date on publish: on the draft row, before Strapi copies the
 * draft into the new published row, so every later publish carries the same date through
 * unpublish, republish and discarded drafts alike. Registered after validation, and in one
 * transaction with the publish: a refused or failed publish records nothing.
 */
export function registerFirstPublication(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const documentId = (context.params as { documentId?: string }).documentId;
    if (context.action !== 'publish' || !documentId || !kindsByUid.has(context.uid)) return next();
    return strapi.db.transaction(async () => {
      const rows = await rowsOf(strapi, context.uid, documentId);
      // Nothing to publish without a draft row; Strapi answers that itself.
      if (rows.some((r) => r.publishedAt === null)) await record(strapi, context.uid, rows, firstPublicationOf(rows) ?? new Date());
      return next();
    });
  });
}

/**
 * Gives every published document that has no firstPublishedAt the date it shows today (its
 * publishedAt), on its draft row too, so the next publish keeps it. Run at every start: it
 * converges, and a database restored from before this field existed is dated like the rest.
 */
export async function backfillFirstPublishedAt(strapi: Core.Strapi): Promise<number> {
  let documents = 0;
  for (const uid of kindsByUid.keys()) {
    const query = strapi.db.query(uid as UID.ContentType);
    const missing = (await query.findMany({
      // A document never published (a draft only) gets its date at its first publish.
      where: { publishedAt: { $notNull: true }, [FIRST_PUBLISHED_AT]: { $null: true } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    for (const documentId of new Set(missing.map((r) => r.documentId))) {
      const rows = await rowsOf(strapi, uid, documentId);
      const at = firstPublicationOf(rows);
      if (at && (await record(strapi, uid, rows, at)) > 0) documents += 1;
    }
  }
  if (documents > 0) strapi.log.info(`First publication date recorded for ${documents} published documents (their current publishedAt)`);
  return documents;
}
