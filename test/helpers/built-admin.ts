import { GENERATED_SECRETS } from '../../scripts/env/ensure-env.ts';
import { adminBuildIsCurrent, buildCms } from '../../scripts/start/build-cms.ts';

/**
 * Makes sure cms/dist/build holds the admin panel of the current sources, built the way
 * `npm start` builds it (30–40 s, ~2 GB), and reuses it when it is current. The bundle calls the
 * backend on the page's own origin (no CMS_PUBLIC_URL), so any test port serves it.
 */
export function ensureAdminBuilt(): void {
  const env = { CMS_PUBLIC_URL: '' };
  if (adminBuildIsCurrent(env)) return;
  // `strapi build` loads the CMS config, whose secrets have no defaults; none ends up in the bundle.
  const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  const processEnv = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  buildCms({ ...processEnv, ...secrets, ...env, STRAPI_TELEMETRY_DISABLED: 'true' }, () => undefined);
}
