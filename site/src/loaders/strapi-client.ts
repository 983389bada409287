import {
  apiListEnvelopeSchema,
  apiSingleEnvelopeSchema,
  populateFor,
  populateQuery,
  type ContentTypeDefinition,
} from '@thanh-thuy/content-types';
import { CmsRequestError } from './errors';

export interface CmsConnection {
  url: string;
  token: string;
}

const PAGE_SIZE = 100; // Strapi's maximum

async function getJson(cms: CmsConnection, path: string, options: { notFound?: unknown } = {}): Promise<unknown> {
  const url = `${cms.url}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${cms.token}`, accept: 'application/json' } });
  } catch (error) {
    throw new CmsRequestError(`CMS unreachable: GET ${url} failed (${(error as Error).cause ?? (error as Error).message})`, url, { cause: error });
  }
  if (res.status === 404 && 'notFound' in options) return options.notFound;
  if (!res.ok) {
    throw new CmsRequestError(`CMS request failed with status ${res.status}: GET ${url}`, url);
  }
  try {
    return await res.json();
  } catch (error) {
    throw new CmsRequestError(`CMS sent invalid JSON: GET ${url}`, url, { cause: error });
  }
}

const queryOf = (type: ContentTypeDefinition) => populateQuery(populateFor(type.fields)).join('&');

/** Every published entry of a collection type, page by page (published is Strapi's default status). */
export async function fetchAllEntries(cms: CmsConnection, type: ContentTypeDefinition): Promise<Record<string, unknown>[]> {
  const entries: Record<string, unknown>[] = [];
  const populate = queryOf(type);
  for (let page = 1; ; page++) {
    const path = `/api/${type.plural}?${populate}&sort=publishedAt:desc&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`;
    const parsed = apiListEnvelopeSchema.safeParse(await getJson(cms, path));
    if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi list: GET ${cms.url}${path}`, path);
    entries.push(...parsed.data.data);
    if (page >= parsed.data.meta.pagination.pageCount) return entries;
  }
}

/** The entry of a single type, or null when the CMS has none yet. */
export async function fetchSingle(cms: CmsConnection, type: ContentTypeDefinition): Promise<Record<string, unknown> | null> {
  const path = `/api/${type.singular}?${queryOf(type)}`;
  const parsed = apiSingleEnvelopeSchema.safeParse(await getJson(cms, path, { notFound: { data: null } }));
  if (!parsed.success) throw new CmsRequestError(`CMS response is not a Strapi entry: GET ${cms.url}${path}`, path);
  return parsed.data.data;
}
