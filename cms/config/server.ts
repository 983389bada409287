import type { Core } from '@strapi/strapi';
import { required } from '../src/env/required';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  // Behind a TLS reverse proxy, trust its X-Forwarded-Proto so the admin's cookies are
  // Secure. Without `koa: true` Strapi ignores the proxy (a bare `proxy: true` does nothing).
  // Only the last X-Forwarded-For entry, the one the proxy itself added, names the client.
  proxy: { koa: env.bool('CMS_BEHIND_PROXY', false), maxIpsCount: 1 },
  // `npm run restore` imports media into a staging folder (CMS_PUBLIC_DIR) and swaps it in
  // only when the whole archive is in: Strapi's import writes into <public>/uploads.
  dirs: { public: env('CMS_PUBLIC_DIR', './public') },
  app: {
    keys: required('APP_KEYS', env.array('APP_KEYS')),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
