import type { Loader } from 'astro/loaders';
import { apiEntrySchema, describeApiIssue, type ContentKindDefinition } from '@thanh-thuy/content-types';
import { packData } from '../lib/packed-data';
import { RENDER_VERSION } from '../render/render-version';
import { InvalidEntryError, reportFailure } from './errors';
import { normalizeNfc } from './normalize-nfc';
import { fetchAllEntries, type CmsConnection } from './strapi-client';
import { toPiece } from './to-piece';

type Entry = Record<string, unknown> & { id?: number; documentId?: string };

/**
 * Strapi 5 returns one row per (document, status); a published document is one row. Should a
 * CMS return two published rows of one document, the newer row (highest id) wins.
 */
function newestRowPerDocument(entries: Entry[]): { rows: Entry[]; duplicates: number } {
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const id = String(entry.documentId);
    const seen = byId.get(id);
    if (!seen || Number(entry.id) > Number(seen.id)) byId.set(id, entry);
  }
  return { rows: [...byId.values()], duplicates: entries.length - byId.size };
}

/** Content-layer loader of one publishable kind: published entries only, validated, incremental. */
export function kindLoader(kind: ContentKindDefinition, cms: CmsConnection): Loader {
  return {
    name: `strapi-${kind.key}`,
    async load({ store, logger, generateDigest }) {
      const started = performance.now();
      let raw: Entry[];
      try {
        raw = await fetchAllEntries(cms, kind);
      } catch (error) {
        throw reportFailure(error as Error);
      }
      const { rows, duplicates } = newestRowPerDocument(raw);
      if (duplicates > 0) logger.warn(`${duplicates} duplicate published rows of ${kind.plural} ignored (same documentId)`);
      const schema = apiEntrySchema(kind);
      const seen = new Set<string>();
      const slugs = new Map<string, string>();
      let rendered = 0;
      for (const row of rows) {
        const documentId = String(row.documentId ?? `(id ${row.id})`);
        // The digest covers what the CMS sent and how it is rendered: an unchanged entry keeps
        // its stored data and is neither validated nor rendered again.
        const digest = generateDigest(`${RENDER_VERSION}\n${cms.url}\n${JSON.stringify(row)}`);
        seen.add(documentId);
        const slug = String(row.slug);
        const other = slugs.get(slug);
        if (other) throw reportFailure(new InvalidEntryError(kind.key, documentId, `field "slug": "${slug}" is also used by ${other}`));
        slugs.set(slug, documentId);
        if (store.get(documentId)?.digest === digest) continue;
        const parsed = schema.safeParse(normalizeNfc(row));
        if (!parsed.success) {
          throw reportFailure(new InvalidEntryError(kind.key, documentId, describeApiIssue(kind, parsed.error.issues[0])));
        }
        store.set({ id: documentId, data: packData(toPiece(kind, parsed.data, cms.url)), digest });
        rendered++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      const ms = Math.round(performance.now() - started);
      logger.info(`${seen.size} ${kind.plural} (${rendered} rendered, ${seen.size - rendered} unchanged) in ${ms} ms`);
    },
  };
}
