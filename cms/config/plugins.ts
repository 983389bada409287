import type { Core } from '@strapi/strapi';
import { required } from '../src/env/required';
import { uploadProvider } from '../src/env/upload-provider';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: required('JWT_SECRET', env('JWT_SECRET')),
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      ...uploadProvider(process.env),
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 20 * 1024 * 1024),
      security: {
        allowedTypes: ['image/*', 'video/*', 'audio/*', 'application/pdf'],
        // SVG can carry scripts; the portal serves uploads on its own origin.
        deniedTypes: ['image/svg+xml', 'application/x-msdownload', 'application/x-sh'],
      },
    },
  },
});

export default config;
