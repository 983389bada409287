import { z } from 'zod';
import { CmsRequestError } from './errors.ts';
import { getJson, type CmsConnection } from './strapi-client.ts';

const PATH = '/api/gone-pages';
// Paths of the portal's own content pages, nothing else: a value from the CMS never becomes a
// rule for another part of the site.
const gonePath = z.string().regex(/^\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
const gonePagesSchema = z.array(z.object({ path: gonePath, removedAt: z.string() }));

/**
 * The paths removed with "Gỡ bỏ" (issue 10), sorted: the portal answers them 410 Gone. Read
 * whole at every load, like the plan's coverage: a removal changes no published piece. A CMS
 * without the route (older than issue 10) gives none.
 */
export async function fetchGonePages(cms: CmsConnection): Promise<string[]> {
  const body = await getJson(cms, PATH, { notFound: null });
  if (body === null) return [];
  const parsed = gonePagesSchema.safeParse((body as { data?: unknown }).data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CmsRequestError(`CMS response is not the list of removed pages: GET ${cms.url}${PATH}: ${issue.path.join('.')}: ${issue.message}`, PATH);
  }
  return [...new Set(parsed.data.map((page) => page.path))].sort();
}
