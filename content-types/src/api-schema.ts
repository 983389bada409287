// zod schemas of the Strapi 5 REST responses, derived from the field definitions: what the
// site's loader (and any script) receives for a *published* entry with populateFor(fields).
// Required fields must be there; optional strings may be null; relations arrive as objects
// of their target type, media as Strapi upload objects, components as arrays of objects.
import { z } from 'zod';
import { componentByUid } from './components';
import type { ContentTypeDefinition, Field, Fields } from './fields';
import { typeBySingular } from './kinds';
import { SLUG_PATTERN } from './slug';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}/;
// Only web links: a `javascript:` or `data:` URL in a link field must never reach an href.
const WEB_URL_PATTERN = /^https?:\/\/[^\s]+$/i;

const nonBlank = (label: string) =>
  z.string().refine((s) => s.trim().length > 0, { message: `«${label}» is empty` });

const mediaFormatSchema = z
  .object({ url: z.string().min(1), width: z.number().nullable().optional(), height: z.number().nullable().optional() })
  .passthrough();

/** A Strapi upload as the REST API returns it (url relative to the CMS for the local provider). */
export const apiMediaSchema = z
  .object({
    url: z.string().min(1),
    width: z.number().int().positive().nullable().optional(),
    height: z.number().int().positive().nullable().optional(),
    alternativeText: z.string().nullable().optional(),
    mime: z.string().nullable().optional(),
    formats: z.record(mediaFormatSchema).nullable().optional(),
  })
  .passthrough();
export type ApiMedia = z.infer<typeof apiMediaSchema>;

export const apiPaginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});
export type ApiPagination = z.infer<typeof apiPaginationSchema>;

function scalarSchema(field: Field): z.ZodTypeAny | null {
  switch (field.type) {
    case 'string':
      if (field.format === 'url') return z.string().regex(WEB_URL_PATTERN, `«${field.label}» is not an http(s) URL`);
      return field.required ? nonBlank(field.label) : z.string();
    case 'text':
    case 'markdown':
      return field.required ? nonBlank(field.label) : z.string();
    case 'slug':
      return z.string().regex(SLUG_PATTERN, `«${field.label}» is not a slug`);
    case 'enum':
      return z.enum(field.values as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'date':
    case 'datetime':
      return z.string().regex(DATE_PATTERN, `«${field.label}» is not a date`);
    case 'integer':
    case 'decimal':
      // Strapi returns decimals as numbers, big integers as strings.
      return z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
    default:
      return null;
  }
}

const optional = (schema: z.ZodTypeAny, required: boolean | undefined) =>
  required ? schema : schema.nullable().optional();

/** Schema of a populated relation: the target's own scalar fields (its relations are not populated). */
function relationSchema(target: string): z.ZodTypeAny {
  const type = typeBySingular(target);
  const shape: Record<string, z.ZodTypeAny> = { documentId: z.string().min(1) };
  for (const [name, field] of Object.entries(type.fields)) {
    const scalar = scalarSchema(field);
    if (scalar) shape[name] = optional(scalar, field.required);
  }
  return z.object(shape).passthrough();
}

function fieldSchema(field: Field): z.ZodTypeAny {
  const min = 'min' in field && field.min ? field.min : field.required ? 1 : 0;
  switch (field.type) {
    case 'image':
      return optional(apiMediaSchema, field.required);
    case 'relation':
      if (!field.many) return optional(relationSchema(field.target), field.required);
      return optional(z.array(relationSchema(field.target)).min(min), min > 0);
    case 'component': {
      const item = fieldsSchema(componentByUid(field.component).fields).passthrough();
      if (!field.repeatable) return optional(item, field.required);
      return optional(z.array(item).min(min), min > 0);
    }
    default:
      return optional(scalarSchema(field) as z.ZodTypeAny, field.required);
  }
}

function fieldsSchema(fields: Fields) {
  return z.object(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field)])));
}

const cache = new Map<string, z.AnyZodObject>();

/** One published entry of a content type, as GET /api/<plural> returns it with populateFor(fields). */
export function apiEntrySchema(type: ContentTypeDefinition): z.AnyZodObject {
  let schema = cache.get(type.singular);
  if (!schema) {
    schema = fieldsSchema(type.fields).extend({
      id: z.number().int(),
      documentId: z.string().min(1),
      createdAt: z.string().regex(DATE_PATTERN),
      updatedAt: z.string().regex(DATE_PATTERN),
      publishedAt: type.draftAndPublish ? z.string().regex(DATE_PATTERN) : z.string().nullable().optional(),
    });
    cache.set(type.singular, schema);
  }
  return schema;
}

/** The envelope of a collection response; entries are checked one by one with apiEntrySchema. */
export const apiListEnvelopeSchema = z.object({
  data: z.array(z.record(z.unknown())),
  meta: z.object({ pagination: apiPaginationSchema }),
});

/** The envelope of a single-type response (GET /api/commune). */
export const apiSingleEnvelopeSchema = z.object({ data: z.record(z.unknown()).nullable() });

/** "themes (Chủ đề): Array must contain at least 1 element(s)": a zod issue named by field and label. */
export function describeApiIssue(type: ContentTypeDefinition, issue: z.ZodIssue): string {
  const path = issue.path.map(String);
  let fields: Fields | undefined = type.fields;
  const labels: string[] = [];
  for (const part of path) {
    const field: Field | undefined = fields?.[part];
    if (!field) continue;
    labels.push(field.label);
    fields = field.type === 'component' ? componentByUid(field.component).fields : undefined;
  }
  const where = path.join('.') || '(entry)';
  return `field "${where}"${labels.length ? ` (${labels.join(' › ')})` : ''}: ${issue.message}`;
}
