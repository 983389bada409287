import { ReportPeriodError, periodOf, type ReportPeriod } from '@thanh-thuy/content-types';
import { z } from 'zod';

const query = z.object({
  kind: z.enum(['range', 'month', 'quarter', 'campaign']).default('range'),
  from: z.string(),
  to: z.string(),
});

/** The period a request names (?kind=month&from=2025-10-01&to=2025-10-31), or the Vietnamese reason it names none. */
export function requestPeriod(raw: unknown): { period: ReportPeriod } | { refusal: string } {
  const parsed = query.safeParse(raw ?? {});
  if (!parsed.success) return { refusal: 'Thiếu kỳ báo cáo: cần from và to dạng NĂM-THÁNG-NGÀY (ví dụ ?from=2025-10-01&to=2025-10-31)' };
  try {
    return { period: periodOf(parsed.data.kind, parsed.data.from, parsed.data.to) };
  } catch (error) {
    if (error instanceof ReportPeriodError) return { refusal: error.message };
    throw error;
  }
}
