import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FILE_UID, mediaChangeOf } from '../media/media-change-of-request';
import { refusals } from '../refusals';

type Ability = { cannot: (action: string, subject: unknown) => boolean };
type PermissionService = {
  createPermissionsManager: (options: { ability: Ability; action: string; model: string }) => { toSubject: (entity: unknown) => unknown };
};
const UPDATE = 'plugin::upload.assets.update';

// Attached to the media library's routes that change or delete files (routes/guard-routes.ts).
// Strapi checks the permission's conditions for one file at a time but not for bulk delete
// (nor the files inside a deleted folder); this checks every file the request names, and
// tells the editor which published entry shows the file.
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Parameters<typeof mediaChangeOf>[1] & { state: { userAbility?: Ability } }, next: () => Promise<void>) => {
    const change = await mediaChangeOf(strapi, ctx);
    const ability = ctx.state.userAbility;
    if (change && change.files.length > 0) {
      if (!ability) throw new errors.PolicyError(refusals.notAllowed);
      const pm = (strapi.service('admin::permission') as PermissionService).createPermissionsManager({ ability, action: UPDATE, model: FILE_UID });
      for (const file of change.files) {
        if (!ability.cannot(UPDATE, pm.toSubject(file))) continue;
        const usedBy = change.inPublishedUse.get(file.id);
        throw new errors.PolicyError(usedBy ? refusals.mediaInPublishedUse(file.name, usedBy) : refusals.notAllowed);
      }
    }
    await next();
  };
