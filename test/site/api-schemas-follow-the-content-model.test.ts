import { describe, expect, it } from 'vitest';
import { apiEntrySchema, contentKinds, describeApiIssue, serviceGuide } from '@thanh-thuy/content-types';
import { startSyntheticCms } from '../../scripts/bench/synthetic-cms.ts';

describe('the API schemas derived from the content model', () => {
  it('accept every entry the Strapi-shaped stand-in serves', async () => {
    const cms = await startSyntheticCms({ count: 40, images: 1 });
    try {
      for (const kind of contentKinds) {
        for (const entry of cms.entries.get(kind.plural)!) {
          const result = apiEntrySchema(kind).safeParse(entry);
          expect(result.success, result.success ? '' : describeApiIssue(kind, result.error.issues[0])).toBe(true);
        }
      }
    } finally {
      await cms.stop();
    }
  });

  it('have one key per field of the model, plus Strapi\'s own', () => {
    for (const kind of contentKinds) {
      const keys = Object.keys(apiEntrySchema(kind).shape).sort();
      expect(keys).toEqual([...Object.keys(kind.fields), 'id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'].sort());
    }
  });

  it.each([
    ['a required text left null', { procedureName: null }, 'procedureName'],
    ['a relation list below its minimum', { themes: [] }, 'themes'],
    ['an enum value outside the list', { onlineLevel: 'Mức 4' }, 'onlineLevel'],
    ['a step without text', { steps: [{ text: '' }] }, 'steps.0.text'],
    ['a javascript: URL', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
    ['a slug with capitals', { slug: 'Dang-Ky' }, 'slug'],
  ])('reject %s and name the field', async (_name, change, path) => {
    const cms = await startSyntheticCms({ count: 8, images: 0 });
    try {
      const entry = { ...cms.entries.get('service-guides')![0], ...change };
      const result = apiEntrySchema(serviceGuide).safeParse(entry);
      expect(result.success).toBe(false);
      if (!result.success) expect(describeApiIssue(serviceGuide, result.error.issues[0])).toContain(`field "${path}"`);
    } finally {
      await cms.stop();
    }
  });
});
