import { z } from 'zod';
import type { Field } from './fields';
import { messages } from './messages';
import { SLUG_PATTERN } from './slug';
import { COMMUNE_LIST_PATTERN } from './tenancy';

// The one zod schema of a stored, non-blank value of each field type, with the Vietnamese
// message an editor reads. The CMS checks what it is about to store with it (validate.ts) and
// the portal checks what the CMS serves with it (api-schema.ts): both normalise first
// (normalize-entry.ts), so the two cannot disagree on a value.

// Only web links: a `javascript:` or `data:` URL in a link field must never reach an href.
const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 .]{5,18}[0-9]$/;
const PROCEDURE_CODE_PATTERN = /^[0-9]\.[0-9]{6}(\.[0-9A-Za-z.]+)?$/;
/** What Strapi stores for a date ("2025-09-20") and answers for a datetime (UTC ISO). */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const isUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** A real calendar day: Strapi refuses 2025-02-30 in English, so it is refused here first. */
const isCalendarDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

function text(label: string, max?: number) {
  let s = z.string({ invalid_type_error: messages.notText(label) });
  if (max) s = s.max(max, messages.tooLong(label, max));
  return s;
}

function number(field: Field & { type: 'integer' | 'decimal' }) {
  const label = field.label;
  let n = z.number({ invalid_type_error: messages.number(label) }).finite(messages.number(label));
  if (field.type === 'integer') n = n.int(messages.number(label));
  if (field.min !== undefined) n = n.min(field.min, messages.min(label, field.min));
  return n;
}

/** Schema of one non-blank stored value of a scalar field; null for relations, media, components. */
export function valueSchema(field: Field): z.ZodTypeAny | null {
  const label = field.label;
  switch (field.type) {
    case 'string': {
      const base = text(label, field.maxLength);
      switch (field.format) {
        case 'url':
          return base.regex(URL_PATTERN, messages.url(label)).refine(isUrl, messages.url(label));
        case 'email':
          return base.regex(EMAIL_PATTERN, messages.email(label));
        case 'phone':
          return base.regex(PHONE_PATTERN, messages.phone(label));
        case 'procedure-code':
          return base.regex(PROCEDURE_CODE_PATTERN, messages.procedureCode(label));
        case 'commune':
          return base.regex(SLUG_PATTERN, messages.commune(label));
        case 'commune-list':
          return base.regex(COMMUNE_LIST_PATTERN, messages.communeList(label));
        default:
          return base;
      }
    }
    case 'text':
      return text(label, field.maxLength);
    case 'markdown':
      return text(label);
    case 'slug':
      return text(label, 200).regex(SLUG_PATTERN, messages.slug(label));
    case 'enum':
      return z.enum(field.values as [string, ...string[]], { errorMap: () => ({ message: messages.enumValue(label, field.values) }) });
    case 'boolean':
      return z.boolean({ invalid_type_error: messages.boolean(label) });
    case 'date':
      return z.string({ invalid_type_error: messages.date(label) }).regex(DATE_PATTERN, messages.date(label)).refine(isCalendarDay, messages.date(label));
    case 'datetime':
      return z
        .string({ invalid_type_error: messages.date(label) })
        .regex(DATETIME_PATTERN, messages.date(label))
        .refine((v) => isCalendarDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), messages.date(label));
    case 'integer':
    case 'decimal':
      return number(field);
    default:
      return null;
  }
}
