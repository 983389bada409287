import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  allTypes,
  messages,
  outreachActivity,
  sighting,
  normalizeEntry,
  populateFor,
  summarizeIssues,
  toSlug,
  uidOf,
  validateEntry,
  type ContentTypeDefinition,
  type ValidationIssue,
} from '@thanh-thuy/content-types';

import { communeIssues, profileTakenIssues, servedCommunes } from './commune-membership';

// The internal monitoring types are typed in by staff too; the cross-post ledger is written by code.
const typesByUid = new Map<string, ContentTypeDefinition>([...allTypes, sighting, outreachActivity].map((t) => [uidOf(t), t]));

type Data = Record<string, unknown>;

function refuse(message: string, issues: ValidationIssue[]): never {
  throw new errors.ValidationError(message, {
    errors: issues.map((issue) => ({ path: issue.path, message: issue.message, name: 'ValidationError' })),
  });
}

/** A slug the editor typed can be refused twice (unfoldable, then malformed): say it once. */
function uniqueIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('.')}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function slugFieldOf(type: ContentTypeDefinition): [string, string] | null {
  for (const [name, field] of Object.entries(type.fields)) {
    if (field.type === 'slug') return [name, field.targetField];
  }
  return null;
}

/** Fills a blank slug from the title, folds a typed one, and keeps it unique per type. */
async function settleSlug(strapi: Core.Strapi, type: ContentTypeDefinition, data: Data, documentId: string | undefined, isCreate: boolean): Promise<ValidationIssue[]> {
  const slugField = slugFieldOf(type);
  if (!slugField) return [];
  const [name, target] = slugField;
  const given = typeof data[name] === 'string' ? (data[name] as string).trim() : '';
  const source = given || (isCreate && typeof data[target] === 'string' ? (data[target] as string) : '');
  if (!source) return [];
  const base = toSlug(source);
  if (!base) return [{ path: [name], message: messages.slug(type.fields[name].label) }];

  const uid = uidOf(type) as UID.ContentType;
  const taken = async (slug: string) => {
    const others = await strapi.documents(uid).findMany({
      filters: { [name]: slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      fields: ['documentId'],
      ...(type.draftAndPublish ? { status: 'draft' as const } : {}),
      limit: 1,
    } as never);
    return others.length > 0;
  };
  if (given) {
    // An editor's own slug is never changed behind their back: refuse a duplicate.
    if (await taken(base)) return [{ path: [name], message: messages.slugTaken(type.fields[name].label, base, type.displayName) }];
    data[name] = base;
    return [];
  }
  let candidate = base;
  for (let n = 2; await taken(candidate); n += 1) candidate = `${base}-${n}`;
  data[name] = candidate;
  return [];
}

/**
 * Normalises and validates every write to the model's types, with Vietnamese messages that
 * name the field: formats on each save, completeness on publish (drafts may be incomplete).
 * What is stored is the normalised value (normalize-entry.ts in content-types): a URL pasted
 * with a trailing non-breaking space or a title with a control character from Word is saved
 * clean, so the portal, which reads with the same definitions, accepts it too.
 */
export function registerContentValidation(strapi: Core.Strapi): void {
  const served = servedCommunes();
  strapi.documents.use(async (context, next) => {
    const type = typesByUid.get(context.uid);
    if (!type) return next();
    const params = context.params as { data?: Data; documentId?: string };

    if (context.action === 'create' || context.action === 'update' || context.action === 'clone') {
      const data = normalizeEntry(type, params.data ?? {});
      if (params.data) params.data = data;
      const issues = uniqueIssues([
        ...(await settleSlug(strapi, type, data, params.documentId, context.action === 'create')),
        ...validateEntry(type, data, 'draft'),
        ...communeIssues(type, data, served),
        ...(await profileTakenIssues(strapi, type, data, params.documentId)),
      ]);
      if (issues.length > 0) refuse(messages.refusedToSave(summarizeIssues(issues)), issues);
      // A single type or a type without Draft & Publish is public as soon as it is saved.
      // An update is checked as complete for the fields it sends: emptying a required field of
      // an entry that is already public is refused, not only leaving it out when creating.
      if (!type.draftAndPublish && context.action !== 'clone') {
        const complete = validateEntry(type, data, 'publish');
        const full = context.action === 'create' ? complete : complete.filter((issue) => issue.path[0] in data);
        if (full.length > 0) refuse(messages.refusedToSave(summarizeIssues(full)), full);
      }
      // create/update with status "published" publishes inside the repository, past this
      // middleware: save the draft here, then publish through the document service so the
      // completeness check below runs.
      if (type.draftAndPublish && (params as { status?: string }).status === 'published') {
        delete (params as { status?: string }).status;
        const saved = (await next()) as { documentId: string };
        const published = (await strapi.documents(context.uid as UID.ContentType).publish({ documentId: saved.documentId } as never)) as { entries: unknown[] };
        return published.entries[0] as never;
      }
    }

    if (context.action === 'publish' && params.documentId) {
      const draft = (await strapi.documents(context.uid as UID.ContentType).findOne({
        documentId: params.documentId,
        status: 'draft',
        populate: populateFor(type.fields),
      } as never)) as Data | null;
      if (draft) {
        // A draft saved before normalisation existed is judged as the portal will read it.
        const issues = validateEntry(type, normalizeEntry(type, draft), 'publish');
        const title = typeof draft.title === 'string' && draft.title ? draft.title : messages.untitled;
        if (issues.length > 0) refuse(messages.refusedToPublish(title, summarizeIssues(issues)), issues);
      }
    }
    return next();
  });
}
