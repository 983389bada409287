// Query parameters through which Strapi 5's REST API selects unpublished rows, or tells which
// published pieces have unpublished edits: `status` (strapi/strapi#23215, #24815),
// `publicationFilter` and its legacy form `hasPublishedVersion` (@strapi/utils
// publication-filter). They are looked for at the top level and in every populate branch.
const SELECTORS = ['status', 'publicationFilter', 'hasPublishedVersion'] as const;

type Query = Record<string, unknown>;

const isRecord = (value: unknown): value is Query => typeof value === 'object' && value !== null && !Array.isArray(value);

function selectsUnpublished(query: Query, topLevel: boolean): boolean {
  for (const key of SELECTORS) {
    if (!(key in query)) continue;
    // Only `status=published` at the top level is what the public API serves anyway.
    if (!(topLevel && key === 'status' && query[key] === 'published')) return true;
  }
  const populate = query.populate;
  if (isRecord(populate)) {
    return Object.values(populate).some((branch) => isRecord(branch) && selectsUnpublished(branch, false));
  }
  return false;
}

/** True when a content-API query asks for unpublished content or for facts about it. */
export function asksForUnpublished(query: Query): boolean {
  return selectsUnpublished(query, true);
}
