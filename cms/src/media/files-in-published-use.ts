import type { Core } from '@strapi/strapi';

type Attribute = { type: string; component?: string };
type Schema = { attributes: Record<string, Attribute> };

/** Where a content type can point at a file: media fields, and text that may hold its URL. */
interface References {
  media: string[];
  text: string[];
  components: Record<string, References>;
}

export interface CheckedFile {
  id: number;
  hash: string;
}

// Text can carry an upload's URL (an image inserted into a Markdown body, a link to a PDF);
// the URL of every format of a file contains its hash.
const TEXT_TYPES = new Set(['string', 'text', 'richtext']);
// Ignored: they can hold neither a file nor its URL.
const OTHER_TYPES = new Set(['uid', 'email', 'password', 'enumeration', 'integer', 'biginteger', 'decimal', 'float', 'boolean', 'date', 'datetime', 'time', 'timestamp', 'relation']);
// One query's OR of LIKE terms stays far below SQLite's expression depth limit.
const FILES_PER_QUERY = 20;

function referencesOf(strapi: Core.Strapi, schema: Schema, where: string): References {
  const refs: References = { media: [], text: [], components: {} };
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.type === 'media') refs.media.push(name);
    else if (TEXT_TYPES.has(attribute.type)) refs.text.push(name);
    else if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as never] as unknown as Schema;
      refs.components[name] = referencesOf(strapi, component, `${where}.${name}`);
    } else if (!OTHER_TYPES.has(attribute.type)) {
      // e.g. a dynamic zone: decide how it can reference a file before it is added to the model.
      throw new Error(`files-in-published-use: cannot tell whether ${where}.${name} (${attribute.type}) references a file`);
    }
  }
  return refs;
}

function filtersFor(refs: References, ids: number[], hashes: string[]): Record<string, unknown>[] {
  return [
    ...refs.media.map((name) => ({ [name]: { id: { $in: ids } } })),
    ...refs.text.flatMap((name) => hashes.map((hash) => ({ [name]: { $contains: hash } }))),
    ...Object.entries(refs.components).flatMap(([name, inner]) => filtersFor(inner, ids, hashes).map((filter) => ({ [name]: filter }))),
  ];
}

function populateFor(refs: References): Record<string, unknown> {
  return {
    ...Object.fromEntries(refs.media.map((name) => [name, { fields: ['id'] }])),
    ...Object.fromEntries(
      Object.entries(refs.components).map(([name, inner]) => [name, { fields: inner.text.length ? inner.text : ['id'], populate: populateFor(inner) }]),
    ),
  };
}

function collect(entry: Record<string, unknown>, refs: References, ids: Set<number>, texts: string[]): void {
  for (const name of refs.media) {
    for (const file of [entry[name]].flat()) if (file && typeof file === 'object') ids.add((file as { id: number }).id);
  }
  for (const name of refs.text) if (typeof entry[name] === 'string') texts.push(entry[name] as string);
  for (const [name, inner] of Object.entries(refs.components)) {
    for (const item of [entry[name]].flat()) if (item && typeof item === 'object') collect(item as Record<string, unknown>, inner, ids, texts);
  }
}

function hasInteresting(refs: References): boolean {
  return refs.media.length > 0 || refs.text.length > 0 || Object.values(refs.components).some(hasInteresting);
}

let cachedReferences: Array<{ uid: string; label: string; titleField?: string; refs: References }> | undefined;

/** Every API content type and where it may reference a file; fails at start on a field it cannot judge. */
export function publishedReferenceMap(strapi: Core.Strapi) {
  cachedReferences ??= Object.values(strapi.contentTypes)
    .filter((ct) => ct.uid.startsWith('api::'))
    .map((ct) => {
      const refs = referencesOf(strapi, ct as unknown as Schema, ct.uid);
      const titleField = ['title', 'label', 'name'].find((f) => f in ct.attributes);
      return { uid: ct.uid, label: ct.info.displayName, titleField, refs };
    })
    .filter((t) => hasInteresting(t.refs));
  return cachedReferences;
}

/**
 * Which of the given files the public portal shows: attached to, or linked from the text of,
 * the published version of any entry (or any entry of a type without drafts). Maps each such
 * file id to the first entry found, as an editor would name it ("Tin bài «…»").
 */
export async function filesInPublishedUse(strapi: Core.Strapi, files: CheckedFile[]): Promise<Map<number, string>> {
  const used = new Map<number, string>();
  for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
    const batch = files.slice(start, start + FILES_PER_QUERY);
    const ids = batch.map((f) => f.id);
    const hashes = batch.map((f) => f.hash).filter((hash) => hash.length > 0);
    for (const { uid, label, titleField, refs } of publishedReferenceMap(strapi)) {
      const filters = filtersFor(refs, ids, hashes);
      if (filters.length === 0) continue;
      const entries = (await strapi.documents(uid as never).findMany({
        status: 'published',
        filters: { $or: filters },
        fields: [...new Set([...(titleField ? [titleField] : []), ...refs.text])],
        populate: populateFor(refs),
      } as never)) as unknown as Array<Record<string, unknown>>;
      for (const entry of entries) {
        const mediaIds = new Set<number>();
        const texts: string[] = [];
        collect(entry, refs, mediaIds, texts);
        const name = `${label} «${String((titleField && entry[titleField]) || entry.documentId)}»`;
        for (const file of batch) {
          if (used.has(file.id)) continue;
          if (mediaIds.has(file.id) || (file.hash && texts.some((text) => text.includes(file.hash)))) used.set(file.id, name);
        }
      }
    }
  }
  return used;
}
