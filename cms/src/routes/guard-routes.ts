import type { Core } from '@strapi/strapi';

type Route = { handler?: unknown; method?: string; path?: string; config?: { middlewares?: unknown[] } };
type Router = { routes: Route[] };

// Strapi's own routes (the admin's, a plugin's) cannot be given middlewares in config;
// they are plain objects until routing starts at bootstrap, so register() adds them.
function addMiddleware(router: Router | undefined, where: string, handlers: readonly string[], middleware: string): void {
  if (!router || !Array.isArray(router.routes)) throw new Error(`Cannot guard ${where} routes: Strapi's route table has changed`);
  for (const handler of handlers) {
    const matching = router.routes.filter((route) => route.handler === handler);
    // A renamed handler after a Strapi upgrade must stop the start, not drop the guard silently.
    if (matching.length === 0) throw new Error(`Cannot guard ${where} route "${handler}": no such route in this Strapi version`);
    for (const route of matching) {
      route.config ??= {};
      route.config.middlewares = [...(route.config.middlewares ?? []), middleware];
    }
  }
}

/** Handlers of the media library's admin routes that change or delete existing files. */
export const FILE_CHANGING_HANDLERS = [
  'admin-upload.upload', // POST /upload?id=… updates or replaces a file (without id: a new upload)
  'admin-upload.updateFileInfo',
  'admin-upload.replaceFile',
  'admin-upload.bulkUpdateFileInfo',
  'admin-file.destroy',
  'admin-folder-file.deleteMany',
  'admin-file.generateAIMetadata',
] as const;

export function guardRoutes(strapi: Core.Strapi): void {
  const adminRoutes = (strapi.admin as unknown as { routes: Record<string, Router> }).routes;
  addMiddleware(adminRoutes.admin, 'admin', ['authentication.registerAdmin'], 'global::first-admin-from-this-machine');
  const uploadRoutes = strapi.plugin('upload').routes as unknown as Record<string, Router>;
  addMiddleware(uploadRoutes.admin, 'media library', FILE_CHANGING_HANDLERS, 'global::refuse-published-media-change');
}
