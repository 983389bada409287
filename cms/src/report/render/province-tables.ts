import type { ProvinceReport, ProvinceRow } from '@thanh-thuy/content-types';
import type { ReportTable } from './report-tables';

// The province's report as tables (issue 13): the CSV files and the HTML render these same
// tables, as a commune's report does (report-tables.ts).

const rowName = (row: ProvinceRow) => row.commune ?? 'Tin toàn tỉnh (của tỉnh)';
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

export function provinceWholeTable(r: ProvinceReport): ReportTable {
  return {
    file: 'tinh-chua-tach-theo-xa',
    title: 'Số liệu toàn tỉnh chưa tách theo xã, phường',
    columns: ['Chỉ tiêu', 'Số lượng'],
    rows: [
      ['Hoạt động tuyên truyền trực tiếp (hội nghị, loa, pano…)', r.wholeProvince.activities],
      ['Lượt người được tiếp cận qua các hoạt động đó', r.wholeProvince.peopleReached],
      ['Tin giả, tin sai sự thật phát hiện được', r.wholeProvince.sightings],
    ],
  };
}

export const provinceTables = (r: ProvinceReport): ReportTable[] => [provinceThemesTable(r), provinceChannelsTable(r), provinceWholeTable(r)];
