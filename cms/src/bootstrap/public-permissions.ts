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
  // Anything else (a create granted by hand, the users-permissions defaults such as
  // self-registration) is withdrawn: the public only reads.
  for (const p of existing) {
    if (!wanted.has(p.action)) await permissions.delete({ where: { id: p.id } });
  }
  // The portal has no citizen accounts: nobody may sign up through /api/auth/local/register.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
