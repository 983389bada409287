import type { Core } from '@strapi/strapi';
import { allTypes, uidOf } from '@thanh-thuy/content-types';

/** The public role reads published content and the taxonomy: find and findOne, nothing else. */
export function publicActions(): string[] {
  return allTypes.flatMap((type) => {
    const uid = uidOf(type);
    return type.kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`];
  });
}

export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('The users-permissions public role is missing; cannot grant public read access');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({ where: { role: role.id } })) as Array<{ id: number; action: string }>;
  const wanted = new Set(publicActions());
  for (const action of wanted) {
    if (!existing.some((p) => p.action === action)) await permissions.create({ data: { action, role: role.id } });
  }
  // Anything else on our API (e.g. a create granted by hand) is withdrawn: the public only reads.
  for (const p of existing) {
    if (p.action.startsWith('api::') && !wanted.has(p.action)) await permissions.delete({ where: { id: p.id } });
  }
}
