// The last line of defence: whatever a content-API controller serialised, no draft row leaves
// the CMS for a caller that may not read drafts. Strapi sets publishedAt on every row of a type
// without draft & publish, so `publishedAt: null` marks a draft whatever its type, including
// rows reached through a polymorphic (morph) relation, where the response carries no type.
const isDraftRow = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'publishedAt' in value && (value as { publishedAt: unknown }).publishedAt === null;

/**
 * A copy of a response body without the rows `isRemoved` picks: taken out of lists, nulled
 * elsewhere (a relation to one). Shared by the draft guard and the commune guard.
 */
export function withoutRows<T>(body: T, isRemoved: (value: unknown) => boolean): T {
  if (Array.isArray(body)) return body.filter((item) => !isRemoved(item)).map((item) => withoutRows(item, isRemoved)) as T;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return body;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) copy[key] = isRemoved(value) ? null : withoutRows(value, isRemoved);
  return copy as T;
}

/** A copy of a response body with every draft row removed (from lists) or nulled (elsewhere). */
export const withoutDraftRows = <T>(body: T): T => withoutRows(body, isDraftRow);

/** How many draft rows a response body holds (logged when the guard had to remove some). */
export function countDraftRows(body: unknown): number {
  if (Array.isArray(body)) return body.reduce((n: number, item) => n + countDraftRows(item), 0);
  if (typeof body !== 'object' || body === null) return 0;
  return (isDraftRow(body) ? 1 : 0) + Object.values(body).reduce((n: number, v) => n + countDraftRows(v), 0);
}
