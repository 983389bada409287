import type { Core } from '@strapi/strapi';

/** Creates the first super admin from ADMIN_EMAIL/ADMIN_PASSWORD when both are set and no admin exists. */
export async function ensureFirstAdmin(strapi: Core.Strapi, email: string | undefined, password: string | undefined): Promise<void> {
  if (!email || !password) return;
  const users = strapi.service('admin::user') as {
    exists: () => Promise<boolean>;
    create: (attrs: Record<string, unknown>) => Promise<unknown>;
  };
  if (await users.exists()) return;
  const roles = strapi.service('admin::role') as { getSuperAdmin: () => Promise<{ id: number } | null> };
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing; cannot create the first admin from ADMIN_EMAIL');
  await users.create({
    email: email.toLowerCase(),
    firstname: 'Quản trị',
    lastname: 'viên',
    password,
    isActive: true,
    roles: [superAdmin.id],
    preferedLanguage: 'vi',
  });
  strapi.log.info(`First admin created for ${email}`);
}
