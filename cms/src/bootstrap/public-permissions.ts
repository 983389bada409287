import type { Core } from '@strapi/strapi';

/**
 * The public role reads nothing through the REST API. Citizens read the static portal, which is
 * built with its own read-only token (site-token.ts); an anonymous API added nothing for them
 * but a second surface through which drafts could leak. Anything granted to the public role (by
 * hand, or the users-permissions defaults such as login and self-registration) is withdrawn at
 * every start.
 */
export async function withdrawPublicAccess(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('The users-permissions public role is missing; cannot withdraw public access');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = (await permissions.findMany({ where: { role: role.id } })) as Array<{ id: number; action: string }>;
  for (const p of granted) await permissions.delete({ where: { id: p.id } });
  if (granted.length > 0) strapi.log.info(`Withdrew ${granted.length} permission(s) from the public role: the REST API is for the portal's token only`);
  // The portal has no citizen accounts: nobody may sign up through /api/auth/local/register.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
