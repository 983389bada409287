import { componentByUid } from './components';
import { isMediaField, type Field, type Fields } from './fields';
import { normalizeFormatted, normalizeLine, normalizeMarkdown, normalizeText } from './normalize-text';
import { canonicalCommuneList } from './tenancy';

// The one normalisation of an entry's values, by field type (see normalize-text.ts). The CMS
// writes what this returns; the portal applies it again to what it reads (it is idempotent),
// so a value stored before this existed is read the way it would be stored today.

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function normalizeValue(field: Field, value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return value;
    if (field.type === 'date') return value.toISOString().slice(0, 10);
    if (field.type === 'datetime') return value.toISOString();
    return value;
  }
  if (typeof value !== 'string') return value;
  switch (field.type) {
    case 'string':
      if (field.format === 'commune-list') return canonicalCommuneList(normalizeFormatted(value));
      return field.format ? normalizeFormatted(value) : normalizeLine(value);
    case 'slug':
    case 'enum':
      return normalizeFormatted(value);
    case 'text':
      return normalizeText(value);
    case 'markdown':
      return normalizeMarkdown(value);
    case 'date':
      return normalizeFormatted(value);
    case 'datetime': {
      // Strapi stores a datetime as an instant and answers in UTC ISO form: store that form.
      const line = normalizeFormatted(value);
      const ms = ISO_LIKE.test(line) ? Date.parse(DATE_ONLY.test(line) ? `${line}T00:00:00Z` : line) : Number.NaN;
      return Number.isFinite(ms) ? new Date(ms).toISOString() : line;
    }
    case 'integer':
    case 'decimal': {
      const line = normalizeFormatted(value);
      return NUMBER.test(line) ? Number(line) : line;
    }
    default:
      return value;
  }
}

function normalizeItem(fields: Fields, item: unknown): unknown {
  return item && typeof item === 'object' && !Array.isArray(item) ? normalizeFields(fields, item as Record<string, unknown>) : item;
}

/**
 * A copy of `entry` with every value of a known field normalised, components included.
 * Keys the model does not define (id, documentId, timestamps) and relations and media
 * (which arrive as ids, connect instructions or Strapi objects) are left as they are.
 */
export function normalizeFields<T extends Record<string, unknown>>(fields: Fields, entry: T): T {
  const out: Record<string, unknown> = { ...entry };
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in entry)) continue;
    const value = entry[name];
    if (field.type === 'component') {
      const component = componentByUid(field.component).fields;
      out[name] = Array.isArray(value) ? value.map((item) => normalizeItem(component, item)) : normalizeItem(component, value);
    } else if (field.type !== 'relation' && !isMediaField(field)) {
      out[name] = normalizeValue(field, value);
    }
  }
  return out as T;
}

/** normalizeFields for an entry of a content type. */
export function normalizeEntry<T extends Record<string, unknown>>(type: { fields: Fields }, entry: T): T {
  return normalizeFields(type.fields, entry);
}
