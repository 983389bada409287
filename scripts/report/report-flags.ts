import { parseArgs } from 'node:util';
import { ReportPeriodError, SLUG_PATTERN, campaignPeriod, monthPeriod, quarterPeriod, rangePeriod, type ReportPeriod } from '@thanh-thuy/content-types';

export const USAGE = `
Cách dùng: npm run report -- (--from NGÀY --to NGÀY | --month NĂM-THÁNG | --quarter NĂM-QUÝ | --campaign) [--province | --commune MÃ_XÃ] [--out THƯ_MỤC]

Viết báo cáo kết quả công tác tuyên truyền của một kỳ, theo thể thức Nghị định 30/2020/NĐ-CP:
tệp .docx để chỉnh sửa và gửi đi, bản HTML để in, các bảng số liệu .csv. Số liệu lấy từ CMS
đang chạy (CMS_URL và REPORT_API_TOKEN trong .env), một lần cho cả ba loại tệp.

  --from 2025-08-28 --to 2025-12-31   từ ngày đến hết ngày (giờ Việt Nam)
  --month 2025-10                     một tháng
  --quarter 2025-Q4                   một quý
  --campaign                          toàn thời gian thực hiện Kế hoạch
  --province                         báo cáo của toàn tỉnh khi một hệ thống phục vụ nhiều xã, phường:
                                     số tin, bài, bài trên mạng xã hội, hoạt động trực tiếp và rà quét
                                     của từng xã, phường (.docx, .html, .csv)
  --commune thanh-thuy                báo cáo riêng của một xã, phường khi hệ thống phục vụ nhiều xã, phường
  --out THƯ_MỤC                       nơi ghi báo cáo (mặc định var/reports); mỗi kỳ một thư mục con
  --help                              in hướng dẫn này
`;

/** How to call the command, for the end of every one-line refusal. */
export const HOW_TO_CALL = 'Cách gọi: npm run report -- --month 2025-10 (hoặc --from 2025-08-28 --to 2025-12-31, --quarter 2025-Q4, --campaign; xem --help)';

/** A refusal of the command line: one Vietnamese line saying what is wrong and how to call. */
export class ReportUsageError extends Error {
  override name = 'ReportUsageError';
  constructor(problem: string, options?: ErrorOptions) {
    super(`${problem}. ${HOW_TO_CALL}`, options);
  }
}

export interface ReportFlags {
  period: ReportPeriod;
  out: string | null;
  /** The province's report (per commune) instead of the installation's own. */
  province: boolean;
  /** One commune's own report, in a province; null for the installation's. */
  commune: string | null;
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  month: { type: 'string' },
  quarter: { type: 'string' },
  campaign: { type: 'boolean' },
  province: { type: 'boolean' },
  commune: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// node:util's messages are English and name the flag in different shapes; the person reads this.
function describeParseError(error: Error & { code?: string }): string {
  const flag = /'(-{1,2}[^'\s]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Không có tùy chọn ${flag ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /<value>|ambiguous/.test(error.message) ? `Tùy chọn ${flag ?? ''} cần một giá trị` : `Tùy chọn ${flag ?? ''} không nhận giá trị`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Không hiểu "${/'([^']*)'/.exec(error.message)?.[1] ?? ''}": mọi giá trị đi sau một tùy chọn (ví dụ --month 2025-10)`;
    default:
      return `Dòng lệnh không hợp lệ (${error.message})`;
  }
}

type Values = { from?: string; to?: string; month?: string; quarter?: string; campaign?: boolean; province?: boolean; commune?: string; out?: string; help?: boolean };

function periodOf(choice: 'from' | 'month' | 'quarter' | 'campaign', values: Values): ReportPeriod {
  switch (choice) {
    case 'from':
      if (values.to === undefined) throw new ReportUsageError('Thiếu --to: --from cần đi cùng --to');
      return rangePeriod(values.from as string, values.to);
    case 'month':
      return monthPeriod(values.month as string);
    case 'quarter':
      return quarterPeriod(values.quarter as string);
    case 'campaign':
      return campaignPeriod();
  }
}

/** `null` when --help was asked (the caller prints USAGE); throws ReportUsageError otherwise. */
export function parseReportFlags(argv: string[]): ReportFlags | null {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    if (argv.includes('--help') || argv.includes('-h')) return null;
    throw new ReportUsageError(describeParseError(error as Error & { code?: string }), { cause: error });
  }
  if (values.help) return null;
  const chosen = (['from', 'month', 'quarter', 'campaign'] as const).filter((k) => values[k] !== undefined);
  if (values.to !== undefined && !chosen.includes('from')) throw new ReportUsageError('Thiếu --from: --to cần đi cùng --from');
  if (chosen.length === 0) throw new ReportUsageError('Chưa chọn kỳ báo cáo');
  if (chosen.length > 1) throw new ReportUsageError(`Chỉ chọn một kỳ báo cáo, đã cho cả ${chosen.map((k) => `--${k}`).join(' và ')}`);
  if (values.out !== undefined && values.out.trim() === '') throw new ReportUsageError('Tùy chọn --out cần một thư mục');
  if (values.commune !== undefined && !SLUG_PATTERN.test(values.commune)) throw new ReportUsageError(`--commune cần mã của một xã, phường (ví dụ thanh-thuy), không phải "${values.commune}"`);
  if (values.commune !== undefined && values.province) throw new ReportUsageError('Chọn --province (cả tỉnh) hoặc --commune (một xã, phường), không cả hai');
  try {
    return { period: periodOf(chosen[0], values), out: values.out ?? null, province: values.province === true, commune: values.commune ?? null };
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new ReportUsageError(error.message, { cause: error });
    throw error;
  }
}
