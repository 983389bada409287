// The public address of the portal being rendered (SITE_URL). It is given with each render, not
// baked into the server bundle, so that one bundle renders every commune of a province: a
// build service keeps one bundle loaded for all of them (README "Running a province").

let current: URL | null = null;

export function usePortalSite(siteUrl: string | URL): void {
  current = new URL(String(siteUrl));
}

/** The address of the portal being rendered; absolute links and feeds are made from it. */
export function portalSite(): URL {
  if (!current) throw new Error('No portal address: render pages through scripts/render-site.mjs, which gives SITE_URL with each page');
  return current;
}
