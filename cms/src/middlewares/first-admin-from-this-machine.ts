import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isFromThisMachine } from '../network/is-from-this-machine';
import { refusals } from '../refusals';

// Until an admin exists, Strapi lets whoever reaches the port first register as Super Admin.
// Attached to POST /admin/register-admin (see routes/guard-routes.ts): only a browser on the
// machine itself (or through an SSH tunnel to it) may create the first admin.
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { req: Parameters<typeof isFromThisMachine>[0] }, next: () => Promise<void>) => {
    if (!isFromThisMachine(ctx.req)) {
      const users = strapi.service('admin::user') as { exists: () => Promise<boolean> };
      // Once an admin exists Strapi refuses the registration itself.
      if (!(await users.exists())) {
        throw new errors.PolicyError(refusals.firstAdminFromThisMachine(strapi.config.get('server.port', 1337)));
      }
    }
    await next();
  };
