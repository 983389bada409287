// Generated from content-types/ by `npm run generate`: edit the definition there, not this file.
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::commune-profile.commune-profile');
