import type { Core } from '@strapi/strapi';

export const GUARD = 'global::keep-drafts-private';
/** A commune's portal token reads that commune's content only (middlewares/keep-to-the-commune.ts). */
export const COMMUNE_GUARD = 'global::keep-to-the-commune';
const GUARDS = [GUARD, COMMUNE_GUARD];

type Route = { config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { type?: string; routes?: Route[] } | (((...args: unknown[]) => unknown) & { routes?: Route[] });

function guard(routes: Route[] | undefined): void {
  for (const route of routes ?? []) {
    route.config ??= {};
    const middlewares = route.config.middlewares ?? [];
    route.config.middlewares = [...GUARDS.filter((g) => !middlewares.includes(g)), ...middlewares];
  }
}

/**
 * Puts the draft guard and the commune guard in front of every content-API route of the app's APIs and of every
 * plugin (upload, users-permissions, …), so a route added later, or a plugin's, is covered
 * without anyone remembering to. Runs in `register`, before Strapi mounts the routes.
 */
export function guardEveryContentApiRoute(strapi: Core.Strapi): number {
  let routers = 0;
  for (const api of Object.values(strapi.apis) as Array<{ routes: Record<string, Router> }>) {
    // App API routers are always mounted as content-API routes (core register-routes).
    for (const router of Object.values(api.routes)) {
      guard(router.routes);
      routers += 1;
    }
  }
  for (const plugin of Object.values(strapi.plugins) as Array<{ routes: Record<string, Router> | Route[] }>) {
    if (Array.isArray(plugin.routes)) continue; // a plain array is mounted as admin routes
    for (const [name, router] of Object.entries(plugin.routes)) {
      // Content-API routers are factories (createContentApiRoutesFactory) or typed objects.
      const type = typeof router === 'function' ? 'content-api' : (router.type ?? 'admin');
      if (name !== 'content-api' && type !== 'content-api') continue;
      guard(router.routes);
      routers += 1;
    }
  }
  return routers;
}
