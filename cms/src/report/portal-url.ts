/** The portal's public address (SITE_URL, else the local one `npm start` serves), without a trailing slash. */
export function portalUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.SITE_URL?.trim();
  if (configured && URL.canParse(configured)) return configured.replace(/\/+$/, '');
  return `http://localhost:${env.SITE_PORT || 4321}`;
}
