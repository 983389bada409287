import { provinceReportSchema, reportDataSchema, type ProvinceReport, type ReportData, type ReportPeriod } from '@thanh-thuy/content-types';
import type { z } from 'zod';

/** The CMS could not give the report: one Vietnamese line saying why and what to do. */
export class ReportCmsError extends Error {
  override name = 'ReportCmsError';
  constructor(message: string, readonly url: string, options?: ErrorOptions) {
    super(message, options);
  }
}

export function reportPath(period: ReportPeriod, which: 'commune' | 'province' = 'commune', commune: string | null = null): string {
  const of = commune ? `&commune=${encodeURIComponent(commune)}` : '';
  return `/api/report${which === 'province' ? '/province' : ''}?kind=${period.kind}&from=${period.from}&to=${period.to}${of}`;
}

/** Reads the whole report of a period from the CMS, once, and checks its shape; `commune`: one commune's of a province. */
export function fetchReport(cmsUrl: string, token: string, period: ReportPeriod, timeoutMs = 120_000, commune: string | null = null): Promise<ReportData> {
  return fetchChecked(`${cmsUrl.replace(/\/+$/, '')}${reportPath(period, 'commune', commune)}`, token, reportDataSchema, timeoutMs);
}

/** Reads the province's report of a period (per commune) from the CMS, once, and checks its shape. */
export function fetchProvinceReport(cmsUrl: string, token: string, period: ReportPeriod, timeoutMs = 120_000): Promise<ProvinceReport> {
  return fetchChecked(`${cmsUrl.replace(/\/+$/, '')}${reportPath(period, 'province')}`, token, provinceReportSchema, timeoutMs);
}

async function fetchChecked<T>(url: string, token: string, schema: z.ZodType<T>, timeoutMs: number): Promise<T> {
  const where = url.split('?')[0];
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new ReportCmsError(`Không kết nối được CMS tại ${where} (${cause}): hãy chạy npm start hoặc đặt CMS_URL trong .env cho đúng địa chỉ CMS, rồi gọi lại`, url, { cause: error });
  }
  const body = (await res.json().catch(() => null)) as { data?: unknown; error?: { message?: string } } | null;
  if (res.status === 401 || res.status === 403) {
    throw new ReportCmsError(`CMS tại ${where} từ chối mã REPORT_API_TOKEN trong .env (${res.status}): khởi động lại CMS bằng npm start để nó dùng mã này, rồi gọi lại`, url);
  }
  if (!res.ok) throw new ReportCmsError(`CMS tại ${where} trả lỗi ${res.status}${body?.error?.message ? `: ${body.error.message}` : ''}`, url);
  const parsed = schema.safeParse(body?.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportCmsError(`CMS tại ${where} trả số liệu không đúng dạng báo cáo (${issue.path.join('.')}: ${issue.message}): CMS và lệnh này có thể khác phiên bản, hãy cập nhật cả hai`, url);
  }
  return parsed.data;
}
