import type { Page } from 'playwright-core';

/**
 * Waits until the search page shows its results, each one loaded. Pagefind's UI lists a result
 * as a placeholder and fills in its link when the result's fragment arrives, in any order: the
 * first link on the page is not the best result until every placeholder is filled (on a loaded
 * machine a weak match from another shard can arrive first).
 * @returns the href of each result, best first
 */
export async function loadedSearchResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const results = document.querySelectorAll('.pagefind-ui__result');
    return results.length > 0 && !document.querySelector('.pagefind-ui__result .pagefind-ui__loading') && Array.from(results).every((r) => r.querySelector('.pagefind-ui__result-link'));
  });
  return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}
