import type { Core } from '@strapi/strapi';
import { corsOrigins } from '../src/env/cors-origins';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // strapi::logger, without the runner's idle polls
  'global::request-log',
  // Outside strapi::errors, so it sees the response that middleware formats.
  'global::vietnamese-refusals',
  'strapi::errors',
  'strapi::security',
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
