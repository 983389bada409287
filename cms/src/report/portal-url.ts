import { communePortalUrl, provinceRouting } from '@thanh-thuy/content-types';

/**
 * The portal's public address (SITE_URL, else the local one `npm start` serves), without a
 * trailing slash; a commune's own, in a province whose CMS knows PROVINCE_DOMAIN.
 */
export function portalUrl(env: Record<string, string | undefined> = process.env, commune?: string): string {
  const configured = env.SITE_URL?.trim();
  // In a province, a commune's portal is at <slug>.<PROVINCE_DOMAIN>, or <PROVINCE_DOMAIN>/<slug>
  // with PROVINCE_ROUTING=path (README "Running a province").
  const domain = env.PROVINCE_DOMAIN?.trim();
  if (commune && domain) return communePortalUrl(commune, { domain, https: Boolean(configured?.startsWith('https:')), routing: provinceRouting(env.PROVINCE_ROUTING) });
  if (configured && URL.canParse(configured)) return configured.replace(/\/+$/, '');
  return `http://localhost:${env.SITE_PORT || 4321}`;
}
