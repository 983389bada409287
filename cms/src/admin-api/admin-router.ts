import type { Core } from '@strapi/strapi';

/** What the app's own admin handlers read and write of Koa's context. */
export type AdminCtx = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { userAbility?: unknown };
  status: number;
  body: unknown;
  type: string;
  set: (name: string, value: string) => void;
};

type Handler = (ctx: AdminCtx) => unknown;

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: Handler;
  /** No admin session needed (the handler checks its own credential, e.g. a signed link). */
  public?: true;
}

/** Strapi's own error shape, so the admin's useFetchClient surfaces `message` to the person. */
export function refuse(ctx: Pick<AdminCtx, 'status' | 'body'>, status: number, message: string): void {
  const name = status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : status === 409 ? 'ConflictError' : 'ValidationError';
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

/**
 * Mounts admin routes of the app. An app (not a plugin) adds them by putting a router into
 * `strapi.admin.routes` during register(): Strapi mounts every router found there with the admin
 * authentication strategy (admin JWT), as it does for its own (@strapi/core
 * services/server/register-routes.js, registerAdminRoutes). Each route needs a signed-in admin
 * unless marked `public`.
 */
export function addAdminRouter(strapi: Core.Strapi, name: string, prefix: string, routes: AdminRoute[]): void {
  const routers = (strapi.admin as unknown as { routes: Record<string, unknown> }).routes;
  if (!routers || typeof routers !== 'object') throw new Error(`Cannot add the admin routes of "${name}": Strapi's admin route table has changed`);
  routers[name] = {
    type: 'admin',
    prefix,
    routes: routes.map(({ method, path, handler, public: open }) => ({
      method,
      path,
      handler,
      config: open ? { auth: false } : { policies: ['admin::isAuthenticatedAdmin'] },
    })),
  };
}
