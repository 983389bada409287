import type { ProvinceReport, ProvinceRow } from '@thanh-thuy/content-types';
import type { ReportTable } from './report-tables';

// The province's report as tables (issue 13): the CSV files and the HTML render these same
// tables, as a commune's report does (report-tables.ts).

/** The province report's title, the same in the HTML and the .docx. */
// The plan names the province with its rank ("tỉnh Phú Thọ"): it is not repeated.
export const provinceReportTitle = (r: Pick<ProvinceReport, 'province'>) => `Báo cáo kết quả tuyên truyền chuyển đổi số của các xã, phường tỉnh ${r.province.replace(/^tỉnh\s+/iu, '')}`;

const rowName = (row: ProvinceRow) => row.commune ?? 'Của tỉnh (tin toàn tỉnh và việc không thuộc xã, phường nào)';
const sumOf = (rows: ProvinceRow[], of: (row: ProvinceRow) => number) => rows.reduce((n, row) => n + of(row), 0);

export function provinceThemesTable(r: ProvinceReport): ReportTable {
  return {
    file: 'tinh-theo-xa-va-noi-dung',
    title: 'Số tin, bài đã đăng của từng xã, phường theo nội dung tuyên truyền',
    columns: ['Xã, phường', ...r.themes.map((t) => t.section), 'Tổng số tin, bài'],
    rows: r.rows.map((row) => [rowName(row), ...r.themes.map((t) => row.byTheme[t.key] ?? 0), row.pieces]),
    total: ['Cộng', ...r.themes.map((t) => sumOf(r.rows, (row) => row.byTheme[t.key] ?? 0)), sumOf(r.rows, (row) => row.pieces)],
  };
}

export function provinceChannelsTable(r: ProvinceReport): ReportTable {
  return {
    file: 'tinh-theo-xa-va-kenh',
    title: 'Số tin, bài của từng xã, phường đã đăng trên mạng xã hội, theo kênh',
    columns: ['Xã, phường', ...r.channels.map((c) => c.label)],
    rows: r.rows.map((row) => [rowName(row), ...r.channels.map((c) => row.posts[c.key] ?? 0)]),
    total: ['Cộng', ...r.channels.map((c) => sumOf(r.rows, (row) => row.posts[c.key] ?? 0))],
  };
}

export function provinceWorkTable(r: ProvinceReport): ReportTable {
  return {
    file: 'tinh-theo-xa-hoat-dong-va-ra-quet',
    title: 'Hoạt động tuyên truyền trực tiếp và rà quét thông tin của từng xã, phường',
    columns: ['Xã, phường', 'Hoạt động tuyên truyền trực tiếp (hội nghị, loa, pano…)', 'Lượt người được tiếp cận', 'Tin giả, tin sai sự thật phát hiện được'],
    rows: r.rows.map((row) => [rowName(row), row.activities, row.peopleReached, row.sightings]),
    total: ['Cộng', sumOf(r.rows, (row) => row.activities), sumOf(r.rows, (row) => row.peopleReached), sumOf(r.rows, (row) => row.sightings)],
  };
}

export const provinceTables = (r: ProvinceReport): ReportTable[] => [provinceThemesTable(r), provinceChannelsTable(r), provinceWorkTable(r)];
