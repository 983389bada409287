import { describe, expect, it } from 'vitest';
import { asksForUnpublished } from '../../cms/src/content-api/asks-for-unpublished.ts';
import { countDraftRows, withoutDraftRows } from '../../cms/src/content-api/without-draft-rows.ts';

// The HTTP probes (drafts-never-leak-through-relations.test.ts) cannot produce a draft row once
// the media back-link is private; these cases keep the guard's last line of defence honest.
describe('the draft guard', () => {
  it.each([
    [{ status: 'draft' }, true],
    [{ status: ['draft'] }, true],
    [{ status: '' }, true],
    [{ status: 'published' }, false],
    [{ publicationFilter: 'modified' }, true],
    [{ hasPublishedVersion: 'false' }, true],
    [{ populate: { cover: { populate: { related: { status: 'draft' } } } } }, true],
    [{ populate: { themes: { status: 'published' } } }, true],
    [{ populate: '*', filters: { status: { $eq: 'x' } } }, false],
    [{ populate: { cover: true }, fields: ['title'] }, false],
  ])('treats %j as asking for unpublished content: %s', (query, expected) => {
    expect(asksForUnpublished(query)).toBe(expected);
  });

  it('removes draft rows wherever a response carries them, and keeps everything else', () => {
    const body = {
      data: [
        {
          documentId: 'a',
          publishedAt: '2025-08-29T01:00:00.000Z',
          cover: { id: 1, related: [{ documentId: 'a', publishedAt: null, title: 'bản sửa' }, { documentId: 'a', publishedAt: '2025-08-29T01:00:00.000Z' }] },
          steps: [{ screenshot: { id: 2, related: { documentId: 'b', publishedAt: null } } }],
        },
        { documentId: 'c', publishedAt: null },
      ],
      meta: { pagination: { total: 2 } },
    };
    expect(countDraftRows(body)).toBe(3);
    const clean = withoutDraftRows(body);
    expect(countDraftRows(clean)).toBe(0);
    expect(clean.data).toHaveLength(1);
    const [first] = clean.data as Array<{ cover?: { related: unknown }; steps?: Array<{ screenshot: unknown }> }>;
    expect(first?.cover?.related).toEqual([{ documentId: 'a', publishedAt: '2025-08-29T01:00:00.000Z' }]);
    expect(first?.steps?.[0]?.screenshot).toEqual({ id: 2, related: null });
    expect(clean.meta).toEqual(body.meta);
  });
});
