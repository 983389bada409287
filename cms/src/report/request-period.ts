import { ReportPeriodError, campaignPeriod, monthPeriod, periodOf, quarterPeriod, type ReportPeriod } from '@thanh-thuy/content-types';
import { z } from 'zod';

const query = z.object({
  month: z.string().optional(),
  quarter: z.string().optional(),
  campaign: z.string().optional(),
  kind: z.enum(['range', 'month', 'quarter', 'campaign']).default('range'),
  from: z.string().optional(),
  to: z.string().optional(),
});

const MISSING = 'Thiếu kỳ báo cáo: cần month=2025-10, quarter=2025-Q4, campaign=1 hoặc from và to dạng NĂM-THÁNG-NGÀY (ví dụ ?from=2025-10-01&to=2025-10-31)';

/**
 * The period a request names, with the choices of `npm run report`'s flags (?month=2025-10,
 * ?quarter=2025-Q4, ?campaign=1, ?from=…&to=…, the CLI also sends the kind it chose), or the
 * Vietnamese reason it names none.
 */
export function requestPeriod(raw: unknown): { period: ReportPeriod } | { refusal: string } {
  const parsed = query.safeParse(raw ?? {});
  if (!parsed.success) return { refusal: MISSING };
  const q = parsed.data;
  try {
    if (q.month !== undefined) return { period: monthPeriod(q.month) };
    if (q.quarter !== undefined) return { period: quarterPeriod(q.quarter) };
    if (q.campaign !== undefined) return { period: campaignPeriod() };
    if (q.from === undefined || q.to === undefined) return { refusal: MISSING };
    return { period: periodOf(q.kind, q.from, q.to) };
  } catch (error) {
    if (error instanceof ReportPeriodError) return { refusal: error.message };
    throw error;
  }
}
