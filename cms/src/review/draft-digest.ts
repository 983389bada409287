import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { componentByUid, populateFor, type ContentKindDefinition, type Fields } from '@thanh-thuy/content-types';

type Value = unknown;

// What a reader could see changes with these; ids, timestamps and the fields the CMS writes
// itself (firstPublishedAt) do not, so re-saving an unchanged form keeps its digest.
function canonical(fields: Fields, entry: Record<string, Value> | null | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.readOnly) continue;
    const value = entry?.[name] ?? null;
    if (field.type === 'relation') {
      const items = Array.isArray(value) ? value : value ? [value] : [];
      out[name] = items.map((item) => (item as { documentId?: string }).documentId ?? null);
    } else if (field.type === 'image' || field.type === 'video') {
      out[name] = value ? ((value as { url?: string }).url ?? null) : null;
    } else if (field.type === 'component') {
      const nested = componentByUid(field.component).fields;
      out[name] = field.repeatable
        ? (Array.isArray(value) ? value : []).map((item) => canonical(nested, item as Record<string, Value>))
        : value
          ? canonical(nested, value as Record<string, Value>)
          : null;
    } else {
      out[name] = value instanceof Date ? value.toISOString() : value;
    }
  }
  return out;
}

/**
 * A digest of what a piece's draft says: the approval is bound to it, so an edit after
 * approval is seen (the digest changes) while re-saving an unchanged form is not. The admin's
 * publish button saves the form before publishing (FACTS.md: update, then publish).
 */
export async function draftDigest(strapi: Core.Strapi, kind: ContentKindDefinition, uid: string, documentId: string): Promise<string | null> {
  const draft = (await strapi.documents(uid as never).findOne({ documentId, status: 'draft', populate: populateFor(kind.fields) } as never)) as Record<string, Value> | null;
  if (!draft) return null;
  return createHash('sha256').update(JSON.stringify(canonical(kind.fields, draft))).digest('hex');
}
