import type { Loader } from 'astro/loaders';
import { apiEntrySchema, commune, describeApiIssue } from '@thanh-thuy/content-types';
import { RENDER_VERSION } from '../render/render-version';
import { renderMarkdown } from '../render/markdown';
import { InvalidEntryError, reportFailure } from './errors';
import { normalizeNfc } from './normalize-nfc';
import { fetchSingle, type CmsConnection } from './strapi-client';

/** The commune's details (a Strapi single type) as the one entry "commune". */
export function communeLoader(cms: CmsConnection): Loader {
  return {
    name: 'strapi-commune',
    async load({ store, generateDigest }) {
      let row: Record<string, unknown> | null;
      try {
        row = await fetchSingle(cms, commune);
      } catch (error) {
        throw reportFailure(error as Error);
      }
      if (!row) {
        store.clear();
        return;
      }
      const digest = generateDigest(`${RENDER_VERSION}\n${cms.url}\n${JSON.stringify(row)}`);
      if (store.get('commune')?.digest === digest) return;
      const parsed = apiEntrySchema(commune).safeParse(normalizeNfc(row));
      if (!parsed.success) {
        throw reportFailure(new InvalidEntryError('commune', String(row.documentId), describeApiIssue(commune, parsed.error.issues[0])));
      }
      const data = parsed.data as Record<string, unknown>;
      const introduction = typeof data.introduction === 'string' ? renderMarkdown(data.introduction, { mediaBase: cms.url }) : '';
      store.set({ id: 'commune', data: { ...data, introductionHtml: introduction }, digest });
    },
  };
}
