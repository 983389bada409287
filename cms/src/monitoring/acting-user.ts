import type { Core } from '@strapi/strapi';

type AdminUser = { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null };

/** The admin user behind the current request, if any (none for the CMS's own work at start). */
export function actingUser(strapi: Core.Strapi): AdminUser | null {
  const ctx = strapi.requestContext.get() as { state?: { user?: AdminUser; auth?: { strategy?: { name?: string } } } } | undefined;
  // A content-API token's request has no admin user; only the admin's JWT sets state.user.
  const user = ctx?.state?.user;
  return user && typeof user.id === 'number' && typeof user.email === 'string' ? user : null;
}

/** How a handling step names who did it: the person's name, else their e-mail. */
export function nameOf(user: AdminUser | null): string | null {
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter((part) => part && part.trim()).join(' ').trim();
  return name || user.username || user.email || null;
}
