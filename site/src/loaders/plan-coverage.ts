import { planCoverageSchema, type PlanCoverage } from '@thanh-thuy/content-types';
import { CmsRequestError } from './errors.ts';
import { getJson, type CmsConnection } from './strapi-client.ts';

const PATH = '/api/report/coverage';

/**
 * How far the plan has been carried out over its whole period, per theme and per channel: the
 * coverage part of the CMS's own report query (cms/src/report), never counted again here. A
 * CMS without the route (older than the report) gives null and /ke-hoach/ shows no figures.
 */
export async function fetchPlanCoverage(cms: CmsConnection): Promise<PlanCoverage | null> {
  const body = await getJson(cms, PATH, { notFound: null });
  if (body === null) return null;
  const parsed = planCoverageSchema.safeParse((body as { data?: unknown }).data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CmsRequestError(`CMS response is not the plan's coverage: GET ${cms.url}${PATH}: ${issue.path.join('.')}: ${issue.message}`, PATH);
  }
  return parsed.data;
}
