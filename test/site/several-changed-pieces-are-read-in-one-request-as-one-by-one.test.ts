import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKinds } from '@thanh-thuy/content-types';
import { fetchAllEntries, fetchEntries, fetchEntry, type CmsConnection } from '../../site/src/loaders/strapi-client.ts';
import { bootCms, type TestCms } from '../helpers/cms.ts';

// A burst of publishes is read back in one list request per kind (fetchEntries) instead of one
// request per piece (fetchEntry): the rows must be the very rows a piece read alone gives, or an
// incremental release would differ from a full one.
describe('several changed pieces read in one request', () => {
  let cms: TestCms;
  let connection: CmsConnection;

  beforeAll(async () => {
    cms = await bootCms({ seedDemo: true });
    connection = { url: cms.url, token: cms.siteToken };
  }, 180_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it.each(contentKinds.map((kind) => [kind.plural, kind] as const))('are, for %s, the rows each read alone gives, and a document the CMS does not publish is absent', async (_plural, kind) => {
    const all = await fetchAllEntries(connection, kind);
    const ids = all.slice(0, 4).map((row) => String(row.documentId));
    expect(ids.length).toBeGreaterThan(1);
    const together = await fetchEntries(connection, kind, [...ids, 'khong-co-tai-lieu-nay']);
    expect([...together.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(together.get(id)).toEqual(await fetchEntry(connection, kind, id));
  });
});
