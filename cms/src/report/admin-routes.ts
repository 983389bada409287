import type { Core } from '@strapi/strapi';
import { article, sighting, uidOf } from '@thanh-thuy/content-types';
import { addAdminRouter, refuse } from '../admin-api/admin-router';
import { computeReport } from './compute-report';
import { portalUrl } from './portal-url';
import { renderDocx } from './render/docx';
import { renderHtml } from './render/html';
import { requestPeriod } from './request-period';

type Ctx = {
  params: Record<string, string | undefined>;
  query: unknown;
  state: { userAbility?: unknown };
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
 * (who sees only the sightings passed to it) nor a residential-area head.
 */
function mayDownload(strapi: Core.Strapi, userAbility: unknown): boolean {
  if (!userAbility) return false;
  const checkers = strapi.plugin('content-manager').service('permission-checker') as { create: (o: unknown) => Checker };
  return [uidOf(article), uidOf(sighting)].every((model) => {
    const checker = checkers.create({ userAbility, model });
    return !checker.requiresEntity.read() && checker.can.read();
  });
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
    if (!mayDownload(strapi, ctx.state.userAbility)) return refuse(ctx, 403, 'Tài khoản này không được xem báo cáo định kỳ: báo cáo có số liệu rà quét thông tin, chỉ biên tập viên và lãnh đạo duyệt được tải.');
    const asked = requestPeriod(ctx.query);
    if ('refusal' in asked) return refuse(ctx, 400, asked.refusal);
    const report = await computeReport(strapi, asked.period, { portalUrl: portalUrl() });
    const name = `bao-cao-${report.period.from}-den-${report.period.to}.${format.extension}`;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = format.type;
    ctx.body = format.extension === 'docx' ? await renderDocx(report) : renderHtml(report);
  };
  addAdminRouter(strapi, 'report-download', REPORT_PREFIX, [{ method: 'GET', path: '/:format', handler: download }]);
}
