import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE } from './editor-roles';

// Strapi creates "Editor" (publishes without review) and "Author" on a fresh database. The
// commune works with two roles, Biên tập viên and Lãnh đạo duyệt; a third that publishes
// past the reviewer would undo the two-person rule, and an English "Author" beside
// "Biên tập viên" only invites the wrong choice. Strapi does not create them again once
// other roles exist (createRolesIfNoneExist).
const STRAPI_DEFAULT_ROLES = ['strapi-editor', 'strapi-author'];

type Role = { id: number; code: string; name: string };
type User = { id: number; email: string; roles: Role[] };

/** Removes Strapi's "Editor" and "Author" roles; their holders keep their other roles, or become Biên tập viên. */
export async function retireStrapiDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as {
    findOne: (where: Record<string, unknown>) => Promise<Role | null>;
    deleteByIds: (ids: number[]) => Promise<unknown>;
  };
  const editor = await roles.findOne({ code: EDITOR_ROLE.code });
  if (!editor) throw new Error(`The role ${EDITOR_ROLE.name} must exist before Strapi's default roles are retired`);
  for (const code of STRAPI_DEFAULT_ROLES) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const holders = (await strapi.db.query('admin::user').findMany({ where: { roles: { id: role.id } }, populate: ['roles'] })) as User[];
    for (const user of holders) {
      const kept = user.roles.filter((r) => !STRAPI_DEFAULT_ROLES.includes(r.code)).map((r) => r.id);
      // The least a holder of "Editor" or "Author" could do is write drafts.
      const next = kept.length > 0 ? kept : [editor.id];
      await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { roles: next } });
      strapi.log.warn(
        `Admin user ${user.email} held Strapi's "${role.name}" role, which is removed; ` +
          (kept.length > 0 ? 'they keep their other roles.' : `they now have "${EDITOR_ROLE.name}".`),
      );
    }
    await roles.deleteByIds([role.id]);
    strapi.log.info(`Removed Strapi's default "${role.name}" role: the commune's roles are ${EDITOR_ROLE.name} and Lãnh đạo duyệt`);
  }
}
