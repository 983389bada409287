import type { ReportData } from '@thanh-thuy/content-types';

// Every table of the report, built once from ReportData. The .docx, the HTML and the CSV files
// all render these same tables, so a number can differ between them only if a renderer drops
// it, which the tests would see.

export type Cell = string | number | { text: string; url: string } | null;

export interface ReportTable {
  /** CSV file name, without extension. */
  file: string;
  /** The table's caption in the report. */
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A bottom line of sums, when the rows add up. */
  total?: Cell[];
}

const dayVi = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

const sum = (values: Array<number | null>) => values.reduce<number>((n, v) => n + (v ?? 0), 0);

/** How the median reads: one decimal, in hours. */
export const hours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function summaryTable(r: ReportData): ReportTable {
  const m = r.monitoring;
  return {
    file: 'tong-hop',
    title: 'Số liệu tổng hợp',
    columns: ['Chỉ tiêu', 'Số liệu'],
    rows: [
      ['Tin, bài đăng trên Cổng thông tin điện tử xã', r.totals.pieces],
      ...r.kinds.map((k): Cell[] => [`Trong đó: ${k.label}`, r.totals.byKind[k.key]]),
      ['Nội dung tuyên truyền chưa có tin, bài', r.themes.filter((t) => t.gap).length],
      ['Bài đăng lại trên mạng xã hội', sum(r.channels.filter((c) => c.measure === 'posts').map((c) => c.count))],
      ['Trong đó: đăng tay', sum(r.channels.filter((c) => c.measure === 'posts').map((c) => c.byHand))],
      ['Hoạt động tuyên truyền trực tiếp, truyền thanh, trực quan', r.totals.activities],
      ['Lượt người được tuyên truyền trực tiếp', r.totals.peopleReached],
      ['Thông tin phát hiện qua rà quét', m.sightings],
      ['Thông tin đã phản bác bằng bài kiểm chứng', m.rebutted],
      ['Thời gian trung vị từ khi phát hiện đến khi đăng bài phản bác (giờ)', hours(m.medianHoursToRebuttal)],
      ['Bài phản bác thông tin sai sự thật đã đăng', m.factChecksPublished],
    ],
  };
}

/** Column heads for the kinds, short enough for a table of eight columns on A4. */
const KIND_COLUMNS: Record<string, string> = { article: 'Tin bài', 'model-practice': 'Điển hình', 'service-guide': 'Hướng dẫn DVC trực tuyến', 'fact-check': 'Phản bác' };

export function themesTable(r: ReportData): ReportTable {
  return {
    file: 'noi-dung',
    title: 'Kết quả theo 8 nội dung tuyên truyền của Kế hoạch (mục II)',
    columns: ['Mục', 'Nội dung tuyên truyền', ...r.kinds.map((k) => KIND_COLUMNS[k.key] ?? k.label), 'Tổng số', 'Ghi chú'],
    rows: r.themes.map((t) => [t.section, t.label, ...r.kinds.map((k) => t.byKind[k.key]), t.total, t.gap ? 'Chưa có tin, bài' : '']),
  };
}

export function digitalChannelsTable(r: ReportData): ReportTable {
  const rows = r.channels.filter((c) => c.measure !== 'activities');
  return {
    file: 'kenh-nen-tang-so',
    title: 'Tin, bài trên Cổng thông tin điện tử và các nền tảng mạng xã hội',
    columns: ['Kênh', 'Số tin, bài', 'Trong đó đăng tay'],
    rows: rows.map((c) => [c.label, c.count, c.byHand]),
  };
}

export function offlineChannelsTable(r: ReportData): ReportTable {
  const rows = r.channels.filter((c) => c.measure === 'activities');
  return {
    file: 'kenh-co-so',
    title: 'Hoạt động trên hệ thống thông tin cơ sở và tuyên truyền trực tiếp',
    columns: ['Hình thức', 'Số hoạt động', 'Số lần', 'Số phút', 'Số người được tuyên truyền'],
    rows: rows.map((c) => [c.label, c.count, c.times, c.minutes, c.peopleReached]),
    total: ['Cộng', sum(rows.map((c) => c.count)), sum(rows.map((c) => c.times)), sum(rows.map((c) => c.minutes)), sum(rows.map((c) => c.peopleReached))],
  };
}

export function socialPostsTable(r: ReportData): ReportTable {
  return {
    file: 'bai-mang-xa-hoi',
    title: 'Tin, bài đăng lại trên mạng xã hội',
    columns: ['STT', 'Nền tảng', 'Tin, bài', 'Ngày đăng', 'Liên kết', 'Cách đăng'],
    rows: r.socialPosts.map((p, i) => [i + 1, p.channelLabel, { text: p.pieceTitle, url: p.pieceUrl }, dayVi(p.day), { text: p.url, url: p.url }, p.byHand ? 'Đăng tay' : 'Tự động']),
  };
}

export function unitsTable(r: ReportData): ReportTable {
  return {
    file: 'don-vi',
    title: 'Kết quả theo đơn vị thực hiện',
    columns: ['Đơn vị', 'Số tin, bài', 'Số hoạt động', 'Số người được tuyên truyền'],
    rows: r.units.map((u) => [u.label, u.pieces, u.activities, u.peopleReached]),
    total: ['Cộng', sum(r.units.map((u) => u.pieces)), sum(r.units.map((u) => u.activities)), sum(r.units.map((u) => u.peopleReached))],
  };
}

export function areasTable(r: ReportData): ReportTable {
  return {
    file: 'khu-dan-cu',
    title: 'Kết quả theo khu dân cư',
    columns: ['Khu dân cư', 'Số tin, bài', 'Số hoạt động', 'Số lần', 'Số người được tuyên truyền'],
    rows: r.residentialAreas.map((a) => [a.name, a.pieces, a.activities, a.times, a.peopleReached]),
    total: ['Cộng', sum(r.residentialAreas.map((a) => a.pieces)), sum(r.residentialAreas.map((a) => a.activities)), sum(r.residentialAreas.map((a) => a.times)), sum(r.residentialAreas.map((a) => a.peopleReached))],
  };
}

export function sightingStatusTable(r: ReportData): ReportTable {
  return {
    file: 'ra-quet-tinh-trang',
    title: 'Thông tin phát hiện qua rà quét, theo kết quả xử lý',
    columns: ['Kết quả xử lý', 'Số thông tin'],
    rows: r.monitoring.byStatus.map((s) => [s.label, s.count]),
    total: ['Cộng', r.monitoring.sightings],
  };
}

export function sightingPlatformTable(r: ReportData): ReportTable {
  return {
    file: 'ra-quet-nen-tang',
    title: 'Thông tin phát hiện qua rà quét, theo nơi xuất hiện',
    columns: ['Nơi xuất hiện', 'Số thông tin'],
    rows: r.monitoring.byPlatform.map((s) => [s.label, s.count]),
    total: ['Cộng', r.monitoring.sightings],
  };
}

export function highlightsTable(r: ReportData): ReportTable {
  return {
    file: 'dien-hinh',
    title: 'Điển hình tiên tiến, mô hình hay được giới thiệu trong kỳ',
    columns: ['STT', 'Điển hình', 'Tin, bài', 'Ngày đăng', 'Tóm tắt'],
    rows: r.highlights.map((h, i) => [i + 1, h.subjectName, { text: h.title, url: h.url }, dayVi(h.day), h.summary]),
  };
}

export function piecesAnnexTable(r: ReportData): ReportTable {
  return {
    file: 'phu-luc-tin-bai',
    title: 'Danh mục tin, bài đã đăng trong kỳ',
    columns: ['STT', 'Ngày đăng', 'Loại', 'Tiêu đề', 'Mục II', 'Đơn vị', 'Liên kết'],
    rows: r.pieces.map((p, i) => [i + 1, dayVi(p.day), p.kindLabel, p.title, p.themes.join(', '), p.unit, { text: p.url, url: p.url }]),
  };
}

export function activitiesAnnexTable(r: ReportData): ReportTable {
  return {
    file: 'phu-luc-hoat-dong',
    title: 'Danh mục hoạt động tuyên truyền trong kỳ',
    columns: ['STT', 'Ngày', 'Hình thức', 'Đơn vị', 'Khu dân cư', 'Nội dung', 'Số lần', 'Số phút', 'Số người'],
    rows: r.activities.map((a, i) => [i + 1, dayVi(a.day), a.channelLabel, a.unit, a.residentialArea, a.description, a.times, a.minutes, a.peopleReached]),
  };
}

/** Every table, in the report's order: the CSV files are exactly these. */
export function reportTables(r: ReportData): ReportTable[] {
  return [
    summaryTable(r),
    themesTable(r),
    digitalChannelsTable(r),
    offlineChannelsTable(r),
    socialPostsTable(r),
    unitsTable(r),
    areasTable(r),
    sightingStatusTable(r),
    sightingPlatformTable(r),
    highlightsTable(r),
    piecesAnnexTable(r),
    activitiesAnnexTable(r),
  ];
}
