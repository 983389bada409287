import type { Loader } from 'astro/loaders';
import { commune, readApiEntry } from '@thanh-thuy/content-types';
import { RENDER_VERSION } from '../render/render-version';
import { renderMarkdown } from '../render/markdown';
import { reportFailure } from './errors';
import { describeSkipped, reportSkipped, skippedEntry } from './skipped-entries';
import { fetchSingle, type CmsConnection } from './strapi-client';

/**
 * The commune's details (a Strapi single type) as the one entry "commune". Invalid details are
 * left out and reported like an invalid piece: the portal then shows the plan's name only.
 */
export function communeLoader(cms: CmsConnection): Loader {
  return {
    name: 'strapi-commune',
    async load({ store, logger, generateDigest }) {
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
      const read = readApiEntry(commune, row);
      if (!read.success) {
        const skipped = skippedEntry('commune', row, read.issue);
        reportSkipped(skipped);
        logger.warn(`left out ${describeSkipped(skipped)}`);
        store.clear();
        return;
      }
      const data = read.data;
      const introduction = typeof data.introduction === 'string' ? renderMarkdown(data.introduction, { mediaBase: cms.url }) : '';
      store.set({ id: 'commune', data: { ...data, introductionHtml: introduction }, digest });
    },
  };
}
