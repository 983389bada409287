import type { Core } from '@strapi/strapi';
import { corsOrigins } from '../src/env/cors-origins';
import { uploadOrigin } from '../src/env/upload-provider';

/**
 * strapi::security as Strapi sets it, plus the media bucket's origin when media are in one
 * (the admin shows thumbnails and plays videos from it). The arrays are Strapi's defaults
 * (@strapi/utils CSP_DEFAULTS) with the origin added.
 */
function securityWithMedia(origin: string | null): Core.Config.Middlewares[number] {
  if (!origin) return 'strapi::security';
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', 'https://market-assets.strapi.io', origin],
          'media-src': ["'self'", 'data:', 'blob:', origin],
        },
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // strapi::logger, without the runner's idle polls
  'global::request-log',
  // Outside strapi::errors, so it sees the response that middleware formats.
  'global::vietnamese-refusals',
  'strapi::errors',
  securityWithMedia(uploadOrigin(process.env)),
  {
    // Strapi's default answers every origin with credentials: with the admin's refresh
    // cookie, a page on any same-site origin (every *.gov.vn site) could get an admin token.
    name: 'strapi::cors',
    config: {
      origin: corsOrigins({
        CMS_PUBLIC_URL: env('CMS_PUBLIC_URL'),
        CMS_URL: env('CMS_URL'),
        PORT: env('PORT'),
        SITE_URL: env('SITE_URL'),
        SITE_PORT: env('SITE_PORT'),
        CORS_ORIGINS: env('CORS_ORIGINS'),
      }),
      credentials: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
