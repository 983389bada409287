import { taxonomy } from '../taxonomy';

// A report period is a run of whole days in the commune's time zone. Viet Nam has kept UTC+7,
// without daylight saving, since 1975: a day there starts at 17:00 UTC the day before, so a
// piece first published at 23:30 on 31 October (16:30 UTC) belongs to October.
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET = '+07:00';

export type PeriodKind = 'range' | 'month' | 'quarter' | 'campaign';

export interface ReportPeriod {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD, in the commune's time zone. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
  /** How the report's title names it: "tháng 10 năm 2025", "quý IV năm 2025", … */
  label: string;
}

/** A period the CLI or the CMS refuses, with the Vietnamese sentence a person reads. */
export class ReportPeriodError extends Error {
  override name = 'ReportPeriodError';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** "28/8/2025": the day as Vietnamese administrative text writes it in running prose. */
export function formatDayVi(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'];

function rangeLabel(from: string, to: string): string {
  return `từ ngày ${formatDayVi(from)} đến ngày ${formatDayVi(to)}`;
}

/** From two days, first and last included. */
export function rangePeriod(from: string, to: string): ReportPeriod {
  for (const [flag, day] of [['--from', from], ['--to', to]] as const) {
    if (!isCalendarDay(day)) throw new ReportPeriodError(`Ngày ${flag} "${day}" không hợp lệ: cần một ngày có thật, dạng NĂM-THÁNG-NGÀY (ví dụ 2025-08-28)`);
  }
  if (from > to) throw new ReportPeriodError(`Kỳ báo cáo ngược: --from ${from} sau --to ${to}; ngày bắt đầu phải trước hoặc bằng ngày kết thúc`);
  return { kind: 'range', from, to, label: rangeLabel(from, to) };
}

/** "2025-10" → 1 to 31 October 2025. */
export function monthPeriod(text: string): ReportPeriod {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new ReportPeriodError(`Tháng "${text}" không hợp lệ: cần dạng NĂM-THÁNG (ví dụ 2025-10)`);
  const year = Number(m[1]);
  return { kind: 'month', from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(year, month))}`, label: `tháng ${month} năm ${year}` };
}

/** "2025-Q4" → 1 October to 31 December 2025. */
export function quarterPeriod(text: string): ReportPeriod {
  const m = /^(\d{4})-[Qq]([1-4])$/.exec(text);
  if (!m) throw new ReportPeriodError(`Quý "${text}" không hợp lệ: cần dạng NĂM-Q1 đến NĂM-Q4 (ví dụ 2025-Q4)`);
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return {
    kind: 'quarter',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
    label: `quý ${ROMAN[quarter - 1]} năm ${year}`,
  };
}

/** The plan's whole period of implementation (taxonomy.json, plan.campaign). */
export function campaignPeriod(): ReportPeriod {
  const { start, end } = taxonomy.plan.campaign;
  return { kind: 'campaign', from: start, to: end, label: `${rangeLabel(start, end)} (toàn thời gian thực hiện Kế hoạch)` };
}

/** Rebuilds a period from its kind and days (how the CMS route receives it). */
export function periodOf(kind: PeriodKind, from: string, to: string): ReportPeriod {
  const range = rangePeriod(from, to);
  if (kind === 'month') {
    const month = monthPeriod(from.slice(0, 7));
    if (month.from === from && month.to === to) return month;
  } else if (kind === 'quarter') {
    const q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
    const quarter = quarterPeriod(`${from.slice(0, 4)}-Q${q}`);
    if (quarter.from === from && quarter.to === to) return quarter;
  } else if (kind === 'campaign') {
    const campaign = campaignPeriod();
    if (campaign.from === from && campaign.to === to) return campaign;
  }
  return range;
}

/** The instants the period covers: [start, end), for queries on UTC timestamps. */
export function periodBounds(period: Pick<ReportPeriod, 'from' | 'to'>): { start: Date; end: Date } {
  const start = new Date(`${period.from}T00:00:00${OFFSET}`);
  const last = new Date(`${period.to}T00:00:00${OFFSET}`);
  return { start, end: new Date(last.getTime() + 24 * 3600 * 1000) };
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: REPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The commune's calendar day (YYYY-MM-DD) of an instant. */
export function localDay(instant: Date | string): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}
