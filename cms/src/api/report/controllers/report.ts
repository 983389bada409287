import type { Core } from '@strapi/strapi';
import { campaignPeriod, messages, type ReportPeriod } from '@thanh-thuy/content-types';
import { communeOfRequest } from '../../../middlewares/keep-to-the-commune';
import { servedCommunes } from '../../../documents/commune-membership';
import { computeReport } from '../../../report/compute-report';
import { computeCoverage } from '../../../report/plan-coverage';
import { computeProvinceReport } from '../../../report/province-report';
import { portalUrl } from '../../../report/portal-url';
import { requestPeriod } from '../../../report/request-period';

type Ctx = { query: unknown; status: number; body: unknown; state?: { auth?: Parameters<typeof communeOfRequest>[0] } };

function refuse(ctx: Ctx, message: string): null {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: {} } };
  return null;
}

/**
 * The commune whose own report is asked for (?commune=…, in a province), undefined for the
 * installation's; null once the request is answered 400 because the installation serves no such commune.
 */
function communeOf(ctx: Ctx): string | undefined | null {
  const asked = (ctx.query as { commune?: unknown } | null)?.commune;
  if (asked === undefined || asked === '') return undefined;
  const served = servedCommunes();
  if (typeof asked === 'string' && served.includes(asked)) return asked;
  return refuse(ctx, served.length ? messages.unknownCommune('Xã, phường', [String(asked)], served) : 'Hệ thống này chỉ phục vụ một xã: báo cáo không chia theo xã, phường.');
}

/** The period the query asks for, or null once the request is answered 400 with the reason. */
function periodOf(ctx: Ctx): ReportPeriod | null {
  const asked = requestPeriod(ctx.query);
  return 'refusal' in asked ? refuse(ctx, asked.refusal) : asked.period;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/report?kind=month&from=2025-10-01&to=2025-10-31[&commune=…]: every number of the report. */
  async find(ctx: Ctx) {
    const period = periodOf(ctx);
    if (!period) return;
    const commune = communeOf(ctx);
    if (commune === null) return;
    ctx.body = { data: await computeReport(strapi, period, { portalUrl: portalUrl(process.env, commune), commune }) };
  },

  /** GET /api/report/province?kind=quarter&from=…&to=…: the province's report, per commune. */
  async province(ctx: Ctx) {
    const period = periodOf(ctx);
    if (period) ctx.body = { data: await computeProvinceReport(strapi, period, { communes: servedCommunes(), portalUrl: portalUrl() }) };
  },

  /**
   * GET /api/report/coverage: the plan's whole period, per theme and channel, for the portal; a
   * commune's portal token gets its commune's own coverage. The same counts as the report's
   * (coverageOf), read leanly: every build asks for it.
   */
  async coverage(ctx: Ctx) {
    const commune = communeOfRequest(ctx.state?.auth) ?? undefined;
    ctx.body = { data: await computeCoverage(strapi, campaignPeriod(), { portalUrl: portalUrl(process.env, commune), commune }) };
  },
});
