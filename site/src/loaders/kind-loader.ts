import type { Loader } from 'astro/loaders';
import { messages, readApiEntry, type ContentKindDefinition } from '@thanh-thuy/content-types';
import { packData } from '../lib/packed-data';
import { RENDER_VERSION } from '../render/render-version';
import { reportFailure } from './errors';
import { sharedPostsOf, type SharedPosts } from './shared-posts';
import { describeSkipped, reportSkipped, skippedEntry, type SkippedEntry } from './skipped-entries';
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

/**
 * Content-layer loader of one publishable kind: published entries only, validated, incremental.
 * An entry that does not match the content model is left out and reported (see site/README.md):
 * one bad value must not stop everyone else's publishing. An unreachable CMS still fails the build.
 */
export function kindLoader(kind: ContentKindDefinition, cms: CmsConnection): Loader {
  return {
    name: `strapi-${kind.key}`,
    async load({ store, logger, generateDigest }) {
      const started = performance.now();
      let raw: Entry[];
      let shared: SharedPosts;
      try {
        [raw, shared] = await Promise.all([fetchAllEntries(cms, kind), sharedPostsOf(cms)]);
      } catch (error) {
        throw reportFailure(error as Error);
      }
      for (const reason of shared.takeRejected()) logger.warn(`left out ${reason}`);
      const { rows, duplicates } = newestRowPerDocument(raw);
      if (duplicates > 0) logger.warn(`${duplicates} duplicate published rows of ${kind.plural} ignored (same documentId)`);
      const kept = new Set<string>();
      const slugs = new Map<string, string>();
      const skip = (entry: SkippedEntry) => {
        reportSkipped(entry);
        logger.warn(`left out ${describeSkipped(entry)}`);
      };
      let rendered = 0;
      let skipped = 0;
      for (const row of rows) {
        const documentId = String(row.documentId ?? `(id ${row.id})`);
        // The digest covers what the CMS sent and how it is rendered: an unchanged entry keeps
        // its stored data and is neither validated nor rendered again. A skipped entry is never
        // stored, so it is checked (and reported) again at every build until it is fixed.
        // Where the piece was shared is part of it: a new link refreshes the stored entry.
        const sharedOn = shared.of(documentId);
        const digest = generateDigest(`${RENDER_VERSION}\n${cms.url}\n${JSON.stringify(row)}\n${JSON.stringify(sharedOn)}`);
        const stored = store.get(documentId)?.digest === digest;
        const read = stored ? null : readApiEntry(kind, row);
        if (read && !read.success) {
          skip(skippedEntry(kind.key, row, read.issue));
          skipped++;
          continue;
        }
        const slug = String(read ? read.data.slug : row.slug);
        const other = slugs.get(slug);
        if (other) {
          const message = messages.slugTaken(kind.fields.slug.label, slug, kind.displayName);
          skip(skippedEntry(kind.key, row, { field: 'slug', labels: [kind.fields.slug.label], message, detail: `also used by ${other}` }));
          skipped++;
          continue;
        }
        slugs.set(slug, documentId);
        kept.add(documentId);
        if (read) {
          store.set({ id: documentId, data: packData({ ...toPiece(kind, read.data, cms.url), sharedOn }), digest });
          rendered++;
        }
      }
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      const ms = Math.round(performance.now() - started);
      const left = skipped ? `, ${skipped} left out` : '';
      logger.info(`${kept.size} ${kind.plural} (${rendered} rendered, ${kept.size - rendered} unchanged${left}) in ${ms} ms`);
    },
  };
}
