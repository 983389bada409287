import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's chromium, headless; never a downloaded browser (shared/FACTS.md).
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * URLs pagefind finds for `term` on the live portal, asked the way the search page asks it
 * (pagefind.js in a fresh page, so no index chunk from an older build is reused, with the
 * index shards the search page lists merged in).
 */
export async function searchPortal(browser: Browser, portalUrl: string, term: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${portalUrl}/`);
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const script = `(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const listed = /data-merge-index="([^"]*)"/.exec(await (await fetch('/tim-kiem/')).text());
      const shards = listed ? listed[1].split(' ') : [];
      for (const path of shards) await pagefind.mergeIndex(path);
      const search = await pagefind.search(${JSON.stringify(term)});
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.map((d) => d.url);
    })()`;
    return (await page.evaluate(script)) as string[];
  } finally {
    await context.close();
  }
}

/** Opens `url` and reports every Content-Security-Policy violation the page causes. */
export async function cspViolations(page: Page, url: string, after?: (page: Page) => Promise<void>): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (!response) throw new Error(`No response for ${url}`);
  if (after) await after(page);
  await page.waitForTimeout(300);
  return violations;
}
