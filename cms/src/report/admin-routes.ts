import type { Core } from '@strapi/strapi';
import { article, sighting, uidOf } from '@thanh-thuy/content-types';
import { addAdminRouter, refuse } from '../admin-api/admin-router';
import { communesOfUser } from '../tenancy/commune-roles';
import { computeReport } from './compute-report';
import { portalUrl } from './portal-url';
import { renderDocx } from './render/docx';
import { renderHtml } from './render/html';
import { requestPeriod } from './request-period';

type Ctx = {
  params: Record<string, string | undefined>;
  query: unknown;
  state: { userAbility?: unknown; user?: { id: number } };
  status: number;
  body: unknown;
  type: string;
  set: (name: string, value: string) => void;
};

type Checker = { can: { read: () => boolean }; requiresEntity: { read: () => boolean } };

/** The URL prefix of the report page's admin API (cms/src/admin/report). */
export const REPORT_PREFIX = '/report-download';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
} as const;


/**
 * The report names sightings, so only someone who may read every piece and every sighting in
 * the content manager may download it: the office's editors and reviewers, not Công an xã
 * (who sees only the sightings passed to it) nor a residential-area head. In a province, a
 * commune's editors read every piece and sighting of their commune, and get its report.
 */
function mayDownload(strapi: Core.Strapi, userAbility: unknown, confined: boolean): boolean {
  if (!userAbility) return false;
  const checkers = strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => Checker };
  return [uidOf(article), uidOf(sighting)].every((model) => {
    const checker = checkers.create({ userAbility, model });
    // A commune's editors read their commune's only (a condition), and get that commune's report.
    return (confined || !checker.requiresEntity.read()) && checker.can.read();
  });
}

/** Whose report a user downloads: undefined for the installation's, a commune's code, or null when they work for several. */
async function reportCommuneOf(strapi: Core.Strapi, userId: number | undefined): Promise<{ commune: string | undefined; confined: boolean } | null> {
  if (userId === undefined) return { commune: undefined, confined: false };
  const { communes, confined } = await communesOfUser(strapi, userId);
  if (!confined) return { commune: undefined, confined: false };
  return communes.length === 1 ? { commune: communes[0], confined: true } : null;
}

/**
 * "Báo cáo định kỳ" in the admin: the same report as `npm run report`, computed by the same
 * query and rendered by the same code, downloaded as .docx or printable HTML without a terminal.
 * Mounted like the cross-posting panel's routes (crosspost/panel-routes.ts).
 */
export function registerReportAdminRoutes(strapi: Core.Strapi): void {
  const download = async (ctx: Ctx) => {
    const format = FORMATS[ctx.params.format as keyof typeof FORMATS];
    if (!format) return refuse(ctx, 404, 'Chỉ tải được báo cáo dạng docx hoặc html.');
    const whose = await reportCommuneOf(strapi, ctx.state.user?.id);
    if (!whose) return refuse(ctx, 403, 'Tài khoản này làm việc cho nhiều xã, phường: hãy nhờ cán bộ của tỉnh tải báo cáo, hoặc dùng npm run report -- --commune MÃ_XÃ.');
    if (!mayDownload(strapi, ctx.state.userAbility, whose.confined)) return refuse(ctx, 403, 'Tài khoản này không được xem báo cáo định kỳ: báo cáo có số liệu rà quét thông tin, chỉ biên tập viên và lãnh đạo duyệt được tải.');
    const asked = requestPeriod(ctx.query);
    if ('refusal' in asked) return refuse(ctx, 400, asked.refusal);
    const report = await computeReport(strapi, asked.period, { portalUrl: portalUrl(process.env, whose.commune), commune: whose.commune });
    const name = `bao-cao-${report.period.from}-den-${report.period.to}${whose.commune ? `-${whose.commune}` : ''}.${format.extension}`;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = format.type;
    ctx.body = format.extension === 'docx' ? await renderDocx(report) : renderHtml(report);
  };
  addAdminRouter(strapi, 'report-download', REPORT_PREFIX, [{ method: 'GET', path: '/:format', handler: download }]);
}
