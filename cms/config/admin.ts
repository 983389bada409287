import type { Core } from '@strapi/strapi';
import { required } from '../src/env/required';
import { previewUrl } from '../src/preview/preview-link';
import { portalUrl } from '../src/report/portal-url';

// Secrets have no defaults: scripts/env/ensure-env.ts generates them on first start.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  auth: {
    secret: required('ADMIN_JWT_SECRET', env('ADMIN_JWT_SECRET')),
  },
  apiToken: {
    salt: required('API_TOKEN_SALT', env('API_TOKEN_SALT')),
  },
  transfer: {
    token: {
      salt: required('TRANSFER_TOKEN_SALT', env('TRANSFER_TOKEN_SALT')),
    },
  },
  secrets: {
    encryptionKey: required('ENCRYPTION_KEY', env('ENCRYPTION_KEY')),
  },
  // "Xem trước" on the edit page (issue 10; Strapi's Preview is free in Community): the portal
  // renders the draft with its own templates behind a short-lived signed link.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [portalUrl(process.env)],
      handler: (uid: string, { documentId }: { documentId?: string }) => previewUrl(strapi, uid, documentId),
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
