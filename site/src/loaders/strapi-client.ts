import {
  apiListEnvelopeSchema,
  apiSingleEnvelopeSchema,
  populateFor,
  populateQuery,
  type ContentTypeDefinition,
} from '@thanh-thuy/content-types';
import { CmsRequestError } from './errors.ts';

export interface CmsConnection {
  url: string;
  /** Where media are read (MEDIA_URL): the CMS itself unless its media are in a bucket. */
  mediaUrl?: string;
  token: string;
  /** The commune whose portal is built (SITE_COMMUNE), in a province; none for one commune. */
  commune?: string;
}

const PAGE_SIZE = 100; // Strapi's maximum

export async function getJson(cms: CmsConnection, path: string, options: { notFound?: unknown } = {}): Promise<unknown> {
  const url = `${cms.url}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${cms.token}`, accept: 'application/json' } });
  } catch (error) {
    throw new CmsRequestError(`CMS unreachable: GET ${url.split("?")[0]} failed (${(error as Error).cause ?? (error as Error).message})`, url, { cause: error });
  }
  if (res.status === 404 && 'notFound' in options) return options.notFound;
  if (!res.ok) {
    throw new CmsRequestError(`CMS request failed with status ${res.status}: GET ${url.split("?")[0]}`, url);
  }
  try {
    return await res.json();
  } catch (error) {
    throw new CmsRequestError(`CMS sent invalid JSON: GET ${url}`, url, { cause: error });
  }
}

const queryOf = (type: ContentTypeDefinition) => populateQuery(populateFor(type.fields)).join('&');

/** Every published entry of a collection type (published is Strapi's default status). */
export async function fetchAllEntries(cms: CmsConnection, type: ContentTypeDefinition): Promise<Record<string, unknown>[]> {
  const populate = queryOf(type);
  const page = async (n: number) => {
    // A total order, so that pages neither skip nor repeat a row; the loader orders the rows itself.
    const path = `/api/${type.plural}?${populate}&sort[0]=firstPublishedAt:desc&sort[1]=id:desc&pagination[page]=${n}&pagination[pageSize]=${PAGE_SIZE}`;
    const parsed = apiListEnvelopeSchema.safeParse(await getJson(cms, path));
    if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi list: GET ${cms.url}/api/${type.plural}`, path);
    return parsed.data;
  };
  const first = await page(1);
  const rest: number[] = Array.from({ length: first.meta.pagination.pageCount - 1 }, (_, i) => i + 2);
  const pages = [first.data];
  // A few pages at a time: fast on a big site, gentle on the CMS.
  for (let i = 0; i < rest.length; i += 4) pages.push(...(await Promise.all(rest.slice(i, i + 4).map(page))).map((p) => p.data));
  return pages.flat();
}

/** The entry of a single type, or null when the CMS has none yet. */
export async function fetchSingle(cms: CmsConnection, type: ContentTypeDefinition): Promise<Record<string, unknown> | null> {
  const path = `/api/${type.singular}?${queryOf(type)}`;
  const parsed = apiSingleEnvelopeSchema.safeParse(await getJson(cms, path, { notFound: { data: null } }));
  if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi entry: GET ${cms.url}${path}`, path);
  return parsed.data.data;
}

/**
 * The details of the commune whose portal is built: in a province (`cms.commune`), that
 * commune's own entry of `profiles` (content-types communeProfile), or null when it has none
 * yet; for one commune, the single type `single`.
 */
export async function fetchCommuneRow(cms: CmsConnection, single: ContentTypeDefinition, profiles: ContentTypeDefinition): Promise<Record<string, unknown> | null> {
  if (!cms.commune) return fetchSingle(cms, single);
  const path = `/api/${profiles.plural}?${queryOf(profiles)}&filters[commune][$eq]=${encodeURIComponent(cms.commune)}&pagination[page]=1&pagination[pageSize]=1`;
  const parsed = apiListEnvelopeSchema.safeParse(await getJson(cms, path));
  if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi list: GET ${cms.url}/api/${profiles.plural}`, path);
  return parsed.data.data[0] ?? null;
}

/** One published entry of a collection type by documentId, or null when the CMS publishes no such entry. */
export async function fetchEntry(cms: CmsConnection, type: ContentTypeDefinition, documentId: string): Promise<Record<string, unknown> | null> {
  const path = `/api/${type.plural}/${encodeURIComponent(documentId)}?${queryOf(type)}`;
  const parsed = apiSingleEnvelopeSchema.safeParse(await getJson(cms, path, { notFound: { data: null } }));
  if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi entry: GET ${cms.url}${path.split('?')[0]}`, path);
  return parsed.data.data;
}

/**
 * The published entries of a collection type among `documentIds`, by documentId (absent when
 * the CMS publishes no such entry): one list request for up to 50 documents, where fetching
 * each would cost the CMS a request apiece while a burst of publishes keeps it busy.
 */
export async function fetchEntries(cms: CmsConnection, type: ContentTypeDefinition, documentIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  const populate = queryOf(type);
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < documentIds.length; i += 50) {
    const ids = documentIds.slice(i, i + 50);
    const filter = ids.map((id, n) => `filters[documentId][$in][${n}]=${encodeURIComponent(id)}`).join('&');
    const path = `/api/${type.plural}?${populate}&${filter}&pagination[page]=1&pagination[pageSize]=${PAGE_SIZE}`;
    const parsed = apiListEnvelopeSchema.safeParse(await getJson(cms, path));
    if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi list: GET ${cms.url}/api/${type.plural}`, path);
    for (const row of parsed.data.data) {
      const id = String(row.documentId);
      const seen = found.get(id);
      // Two published rows of one document: the newer (highest id) wins, as in a full load.
      if (!seen || Number(row.id) > Number(seen.id)) found.set(id, row);
    }
  }
  return found;
}
