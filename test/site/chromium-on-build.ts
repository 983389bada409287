import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, serveSite } from '../helpers/site-build.ts';

/**
 * For the tests of the enclosing describe block: the built portal served on 127.0.0.1 (pagefind
 * needs HTTP, not file://) and Debian's Chromium, both closed afterwards.
 */
export function chromiumOnBuild(outDir: string): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  beforeAll(async () => {
    server = await serveSite(outDir);
    browser = await chromium.launch(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, url: () => server!.url };
}
