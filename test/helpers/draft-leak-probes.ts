// Read requests generated from the content model that try every way Strapi's REST API can
// reach a row through a relation, a component or a media back-link. The draft-leak test runs
// each of them as the public and with read-only tokens: a hand-written list of URLs would miss
// the next field someone adds.
import { allTypes, componentByUid, isMediaField, type ContentTypeDefinition, type Fields } from '@thanh-thuy/content-types';

export interface Probe {
  /** Path and query on the CMS, e.g. /api/articles?populate[cover][populate]=*. */
  path: string;
  /** A filter on text only a draft holds: any entry it returns proves the filter saw the draft. */
  oracle?: boolean;
  /** A plain form the portal itself could use: it must answer 200, or the probes prove nothing. */
  reaches?: boolean;
}

/** Query parameters that select unpublished rows or reveal which published pieces have them. */
export const UNPUBLISHED_SELECTORS = [
  'status=draft',
  'status=DRAFT',
  'status[0]=draft',
  'status=',
  'publicationFilter=never-published',
  'publicationFilter=has-published-version',
  'publicationFilter=modified',
  'publicationFilter=unmodified',
  'publicationFilter=never-published-document',
  'publicationFilter=has-published-version-document',
  'publicationFilter=published-without-draft',
  'publicationFilter=published-with-draft',
  'hasPublishedVersion=true',
  'hasPublishedVersion=false',
  'populate[themes][status]=draft',
];

interface Link {
  /** Field names from the type down to the media or relation field, through components. */
  path: string[];
  kind: 'media' | 'relation';
}

/** Every media and relation field of a type, including those inside (nested) components. */
export function linksOf(fields: Fields, prefix: string[] = []): Link[] {
  return Object.entries(fields).flatMap(([name, field]): Link[] => {
    const path = [...prefix, name];
    if (isMediaField(field)) return [{ path, kind: 'media' }];
    if (field.type === 'relation') return [{ path, kind: 'relation' }];
    if (field.type === 'component') return linksOf(componentByUid(field.component).fields, path);
    return [];
  });
}

const q = (key: string, value: string) => `${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`;

/** `populate[a][populate][b]` for a path through components. */
const populateKey = (path: string[]) => `populate${path.map((p, i) => (i === 0 ? `[${p}]` : `[populate][${p}]`)).join('')}`;
const filterKey = (path: string[]) => `filters${path.map((p) => `[${p}]`).join('')}`;

/** The populate forms Strapi accepts, applied to one media or relation field. */
export function linkQueries(link: Link, secret: string): Probe[] {
  const key = populateKey(link.path);
  const probes: Probe[] = [
    { path: q(key, 'true'), reaches: true },
    { path: q(`${key}[populate]`, '*'), reaches: true },
    { path: q(`${key}[populate][0]`, 'related') },
    { path: q(`${key}[populate][related]`, 'true') },
    { path: q(`${key}[populate][related][populate]`, '*') },
    { path: q(`${key}[populate][related][fields][0]`, 'title') },
    { path: q(`${key}[fields][0]`, link.kind === 'media' ? 'name' : 'updatedAt'), reaches: true },
    { path: `${q(`${key}[fields][0]`, 'documentId')}&${q(`${key}[populate][related][fields][0]`, 'title')}` },
  ];
  // Filters reach rows they never print: a match on text only a draft holds is a leak too.
  for (const field of ['title', 'body', 'summary', 'claim']) {
    probes.push({ path: q(`${filterKey(link.path)}[related][${field}][$containsi]`, secret), oracle: true });
  }
  return probes;
}

export interface TypeEndpoints {
  type: ContentTypeDefinition;
  /** List endpoint (collection) or the single type's endpoint. */
  list: string;
}

export function endpointOf(type: ContentTypeDefinition): string {
  return type.kind === 'singleType' ? `/api/${type.singular}` : `/api/${type.plural}`;
}

/**
 * All probes for one type: populate=* at every depth Strapi accepts, every link field with
 * every populate form, and the unpublished selectors. `one` is the documentId of a published
 * entry of the type, probed through findOne too.
 */
export function probesFor(type: ContentTypeDefinition, secret: string, one?: string): Probe[] {
  const bases = [endpointOf(type)];
  if (one) bases.push(`${endpointOf(type)}/${one}`);
  const queries: Probe[] = [
    { path: q('populate', '*'), reaches: true },
    { path: q('populate[0]', '*') },
    ...linksOf(type.fields).flatMap((link) => linkQueries(link, secret)),
  ];
  return bases.flatMap((base) => queries.map((probe) => ({ ...probe, path: `${base}?${probe.path}` })));
}

/** The media library's own REST endpoints, with the back-link to everything using a file. */
export function uploadProbes(fileId: number, secret: string): Probe[] {
  const forms = [
    q('populate', '*'),
    q('populate', 'related'),
    q('populate[0]', 'related'),
    q('populate[related]', 'true'),
    q('populate[related][populate]', '*'),
    q('populate[related][fields][0]', 'title'),
  ];
  return [
    ...forms.flatMap((form) => [{ path: `/api/upload/files?${form}` }, { path: `/api/upload/files/${fileId}?${form}` }]),
    ...['title', 'body', 'summary'].map((field) => ({ path: `/api/upload/files?${q(`filters[related][${field}][$containsi]`, secret)}`, oracle: true })),
  ];
}

export const typesWithEndpoints = allTypes;
