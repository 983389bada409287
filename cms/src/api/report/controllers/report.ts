import type { Core } from '@strapi/strapi';
import { campaignPeriod, coverageOf, type ReportPeriod } from '@thanh-thuy/content-types';
import { servedCommunes } from '../../../documents/commune-membership';
import { computeReport } from '../../../report/compute-report';
import { computeProvinceReport } from '../../../report/province-report';
import { portalUrl } from '../../../report/portal-url';
import { requestPeriod } from '../../../report/request-period';

type Ctx = { query: unknown; status: number; body: unknown };

/** The period the query asks for, or null once the request is answered 400 with the reason. */
function periodOf(ctx: Ctx): ReportPeriod | null {
  const asked = requestPeriod(ctx.query);
  if (!('refusal' in asked)) return asked.period;
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: asked.refusal, details: {} } };
  return null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/report?kind=month&from=2025-10-01&to=2025-10-31: every number of the report. */
  async find(ctx: Ctx) {
    const period = periodOf(ctx);
    if (period) ctx.body = { data: await computeReport(strapi, period, { portalUrl: portalUrl() }) };
  },

  /** GET /api/report/province?kind=quarter&from=…&to=…: the province's report, per commune. */
  async province(ctx: Ctx) {
    const period = periodOf(ctx);
    if (period) ctx.body = { data: await computeProvinceReport(strapi, period, { communes: servedCommunes(), portalUrl: portalUrl() }) };
  },

  /** GET /api/report/coverage: the plan's whole period, per theme and channel, for the portal. */
  async coverage(ctx: Ctx) {
    ctx.body = { data: coverageOf(await computeReport(strapi, campaignPeriod(), { portalUrl: portalUrl() })) };
  },
});
