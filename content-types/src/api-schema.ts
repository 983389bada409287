// zod schemas of the Strapi 5 REST responses, derived from the field definitions: what the
// site's loader (and any script) receives for a *published* entry with populateFor(fields).
// Required fields must be there; optional strings may be null; relations arrive as objects
// of their target type, media as Strapi upload objects, components as arrays of objects.
// Scalar values are checked with value-schema.ts, as the CMS checks them on save; read an entry
// with readApiEntry (read-api-entry.ts), which normalises it first as the CMS does.
import { z } from 'zod';
import { componentByUid } from './components';
import type { ContentTypeDefinition, Field, Fields } from './fields';
import { typeBySingular } from './kinds';
import { messages } from './messages';
import { valueSchema } from './value-schema';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}/;

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

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * A scalar field as the portal reads it: the value schema the CMS checked it with on save
 * (value-schema.ts). A blank value is absent, as on the CMS: refused when the field is
 * required, read as null when it is not.
 */
function scalarSchema(field: Field): z.ZodTypeAny | null {
  const value = valueSchema(field);
  if (!value) return null;
  if (field.required) return z.custom((v) => !isBlank(v), messages.required(field.label)).pipe(value);
  return z.preprocess((v) => (isBlank(v) ? null : v), value.nullable().optional());
}

/** Schema of a populated relation: the target's own scalar fields (its relations are not populated). */
function relationSchema(target: string): z.ZodTypeAny {
  const type = typeBySingular(target);
  const shape: Record<string, z.ZodTypeAny> = { documentId: z.string().min(1) };
  for (const [name, field] of Object.entries(type.fields)) {
    const scalar = scalarSchema(field);
    if (scalar) shape[name] = scalar;
  }
  return z.object(shape).passthrough();
}

const present = (label: string) => z.custom((v) => v !== null && v !== undefined, messages.required(label));

function listSchema(item: z.ZodTypeAny, label: string, min: number): z.ZodTypeAny {
  const list = z.array(item, { invalid_type_error: messages.minItems(label, Math.max(min, 1)) }).min(min, messages.minItems(label, min));
  return min > 0 ? present(label).pipe(list) : list.nullable().optional();
}

function fieldSchema(field: Field): z.ZodTypeAny {
  const min = 'min' in field && field.min ? field.min : field.required ? 1 : 0;
  const single = (schema: z.ZodTypeAny) => (field.required ? present(field.label).pipe(schema) : schema.nullable().optional());
  switch (field.type) {
    case 'image':
    case 'video':
      return single(apiMediaSchema);
    case 'relation':
      return field.many ? listSchema(relationSchema(field.target), field.label, min) : single(relationSchema(field.target));
    case 'component': {
      const item = fieldsSchema(componentByUid(field.component).fields).passthrough();
      return field.repeatable ? listSchema(item, field.label, min) : single(item);
    }
    default:
      return scalarSchema(field) as z.ZodTypeAny;
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

/** 'field "themes" (Chủ đề): «Chủ đề» cần ít nhất 1 mục.': a zod issue named by field and label. */
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
