import type { Core, UID } from '@strapi/strapi';
import { communeList, communeProfile, messages, uidOf, type ContentTypeDefinition, type ValidationIssue } from '@thanh-thuy/content-types';

/** The communes this installation serves (PROVINCE_COMMUNES, as the build workers read it); none for one commune. */
export function servedCommunes(env: Record<string, string | undefined> = process.env): string[] {
  return communeList(env.PROVINCE_COMMUNES);
}

/**
 * In a province, a piece's commune and the communes it is addressed to must be ones this
 * installation serves: a typo would otherwise publish to no portal at all, silently.
 */
export function communeIssues(type: ContentTypeDefinition, data: Record<string, unknown>, served: readonly string[]): ValidationIssue[] {
  if (served.length === 0) return [];
  const issues: ValidationIssue[] = [];
  for (const name of ['commune', 'addressedTo'] as const) {
    const field = type.fields[name];
    const value = data[name];
    if (!field || typeof value !== 'string' || !value.trim()) continue;
    const unknown = communeList(value).filter((slug) => !served.includes(slug));
    if (unknown.length) issues.push({ path: [name], message: messages.unknownCommune(field.label, unknown, [...served]) });
  }
  return issues;
}

/** Each commune has one entry of details (communeProfile): a second one for the same code is refused. */
export async function profileTakenIssues(strapi: Core.Strapi, type: ContentTypeDefinition, data: Record<string, unknown>, documentId: string | undefined): Promise<ValidationIssue[]> {
  if (type !== communeProfile || typeof data.commune !== 'string' || !data.commune) return [];
  const others = await strapi.documents(uidOf(communeProfile) as UID.ContentType).findMany({
    filters: { commune: data.commune, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    fields: ['documentId'],
    limit: 1,
  } as never);
  return others.length > 0 ? [{ path: ['commune'], message: messages.communeProfileTaken(data.commune) }] : [];
}
