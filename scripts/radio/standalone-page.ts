import type { PortalClient } from './portal-client.ts';

/**
 * The portal's page as one file that prints the same offline: its stylesheets inlined (the
 * print rules among them), its links made absolute to the public address.
 */
export async function standalonePage(html: string, portal: PortalClient, siteUrl: string): Promise<string> {
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g)];
  // A policy meta tag would refuse the inlined styles; the file is opened locally, not served.
  let page = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '');
  for (const [tag, href] of sheets) {
    const css = await portal.text(href, `Cổng thông tin thiếu tệp kiểu ${href}`);
    page = page.replace(tag, () => `<style>${css}</style>`);
  }
  return page.replace(/\b(href|src)="\/(?!\/)/g, `$1="${siteUrl.replace(/\/$/, '')}/`);
}
