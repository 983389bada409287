/**
 * `path` ("/tin-tuc/x/") as an absolute URL on the portal at `site`, keeping the path a
 * province may serve the portal under (SITE_URL https://tinh.gov.vn/dao-xa: PROVINCE_ROUTING=path),
 * which `new URL("/tin-tuc/x/", site)` would drop.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error(`No site address to make ${path} absolute (SITE_URL)`);
  return new URL(path.replace(/^\/+/, ''), String(site).replace(/\/*$/, '/')).toString();
}
