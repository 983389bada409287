import { formatDayVi, localDay, type ReportData } from '@thanh-thuy/content-types';
import * as t from './report-tables';
import type { ReportTable } from './report-tables';

// The report as an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing
// body and the national motto side by side, number and date line, the kind of document and its
// subject, the body in numbered parts, the recipients and the signature, then the annexes. The
// .docx and the HTML render this one structure, so they carry the same text and tables.

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: ReportTable };

export interface ReportDocument {
  issuer: { upper: string; lower: string };
  motto: { country: string; motto: string };
  number: string;
  dateLine: string;
  kind: string;
  subject: string;
  body: Block[];
  recipients: string[];
  signature: { on: string; position: string; note: string };
  annexes: Array<{ title: string; subject: string; blocks: Block[] }>;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const upper = (text: string) => text.toLocaleUpperCase('vi');
const numberVi = (n: number) => n.toLocaleString('vi-VN');

/** "ỦY BAN NHÂN DÂN" over "XÃ THANH THỦY", as the issuing body stands in the top left corner. */
function issuerLines(authority: string): { upper: string; lower: string } {
  const m = /^(ủy ban nhân dân|uỷ ban nhân dân)\s+(.+)$/iu.exec(authority.trim());
  return m ? { upper: upper(m[1]), lower: upper(m[2]) } : { upper: '', lower: upper(authority) };
}

/** "Thanh Thủy, ngày 05 tháng 01 năm 2026": days under 10 and months 1 and 2 take a leading zero (NĐ 30, Phụ lục I). */
export function dateLine(place: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

export const reportSubject = (r: ReportData) =>
  `Kết quả công tác tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn ${r.issuer.name.replace(/^Xã\s/u, 'xã ')}, ${r.period.label}`;

function themesPart(r: ReportData): Block[] {
  const gaps = r.themes.filter((x) => x.gap);
  const kinds = r.kinds.map((k) => `${numberVi(r.totals.byKind[k.key])} ${k.label.toLocaleLowerCase('vi')}`).join('; ');
  return [
    { type: 'heading', level: 1, text: 'I. KẾT QUẢ TUYÊN TRUYỀN THEO NỘI DUNG CỦA KẾ HOẠCH' },
    { type: 'paragraph', text: `Trong kỳ, Cổng thông tin điện tử xã đăng ${numberVi(r.totals.pieces)} tin, bài (${kinds}), phân theo 8 nội dung tuyên truyền tại mục II của Kế hoạch như sau (một tin, bài có thể thuộc nhiều nội dung):` },
    { type: 'table', table: t.themesTable(r) },
    {
      type: 'paragraph',
      text: gaps.length
        ? `Nội dung chưa có tin, bài trong kỳ (cần bổ sung): ${gaps.map((x) => `${x.section} ${x.label}`).join('; ')}.`
        : 'Cả 8 nội dung tuyên truyền đều có tin, bài trong kỳ.',
    },
  ];
}

function channelsPart(r: ReportData): Block[] {
  const posts = r.socialPosts;
  return [
    { type: 'heading', level: 1, text: 'II. KẾT QUẢ THEO HÌNH THỨC, KÊNH TUYÊN TRUYỀN' },
    { type: 'heading', level: 2, text: '1. Trên Cổng thông tin điện tử và các nền tảng số' },
    { type: 'table', table: t.digitalChannelsTable(r) },
    posts.length
      ? { type: 'paragraph', text: `Danh sách ${numberVi(posts.length)} tin, bài đăng lại trên mạng xã hội, kèm liên kết:` }
      : { type: 'paragraph', text: 'Trong kỳ không có tin, bài đăng lại trên mạng xã hội.' },
    ...(posts.length ? [{ type: 'table', table: t.socialPostsTable(r) } as const] : []),
    { type: 'heading', level: 2, text: '2. Trên hệ thống thông tin cơ sở và tuyên truyền trực tiếp' },
    { type: 'table', table: t.offlineChannelsTable(r) },
  ];
}

function unitsPart(r: ReportData): Block[] {
  return [
    { type: 'heading', level: 1, text: 'III. KẾT QUẢ THEO ĐƠN VỊ VÀ KHU DÂN CƯ' },
    { type: 'heading', level: 2, text: '1. Theo đơn vị thực hiện' },
    { type: 'table', table: t.unitsTable(r) },
    { type: 'heading', level: 2, text: '2. Theo khu dân cư' },
    r.residentialAreas.length ? { type: 'table', table: t.areasTable(r) } : { type: 'paragraph', text: 'Trong kỳ chưa có hoạt động, tin, bài gắn với khu dân cư.' },
  ];
}

function monitoringPart(r: ReportData): Block[] {
  const m = r.monitoring;
  const median = t.hours(m.medianHoursToRebuttal);
  return [
    { type: 'heading', level: 1, text: 'IV. CÔNG TÁC RÀ QUÉT, XỬ LÝ THÔNG TIN SAI SỰ THẬT, XẤU ĐỘC' },
    {
      type: 'paragraph',
      text:
        `Trong kỳ phát hiện ${numberVi(m.sightings)} thông tin qua rà quét báo chí và mạng xã hội; ${numberVi(m.rebutted)} thông tin đã được phản bác bằng bài kiểm chứng` +
        (median === null ? '' : `, thời gian trung vị từ khi phát hiện đến khi đăng bài phản bác là ${median.toLocaleString('vi-VN')} giờ`) +
        `. Cổng thông tin điện tử xã đăng ${numberVi(m.factChecksPublished)} bài phản bác thông tin sai sự thật.`,
    },
    { type: 'table', table: t.sightingStatusTable(r) },
    { type: 'table', table: t.sightingPlatformTable(r) },
  ];
}

function highlightsPart(r: ReportData): Block[] {
  return [
    { type: 'heading', level: 1, text: 'V. ĐIỂN HÌNH TIÊN TIẾN, MÔ HÌNH HAY' },
    r.highlights.length ? { type: 'table', table: t.highlightsTable(r) } : { type: 'paragraph', text: 'Trong kỳ chưa giới thiệu điển hình tiên tiến, mô hình hay nào.' },
  ];
}

export function reportDocument(r: ReportData): ReportDocument {
  const subject = reportSubject(r);
  const issuer = issuerLines(r.issuer.authority);
  return {
    issuer,
    motto: { country: NATIONAL_NAME, motto: NATIONAL_MOTTO },
    // The number is given when the office registers the document (NĐ 30, Điều 15).
    number: 'Số:        /BC-UBND',
    dateLine: dateLine(r.issuer.place, localDay(r.generatedAt)),
    kind: 'BÁO CÁO',
    subject,
    body: [
      {
        type: 'paragraph',
        text: `Thực hiện ${r.plan.title} ký ngày ${formatDayVi(r.plan.signed)}, ${r.issuer.authority} báo cáo kết quả công tác tuyên truyền ${r.period.label} (số liệu tính theo ngày đăng lần đầu, giờ Việt Nam) như sau:`,
      },
      ...themesPart(r),
      ...channelsPart(r),
      ...unitsPart(r),
      ...monitoringPart(r),
      ...highlightsPart(r),
      { type: 'heading', level: 1, text: 'VI. SỐ LIỆU TỔNG HỢP' },
      { type: 'table', table: t.summaryTable(r) },
      { type: 'paragraph', text: `Trên đây là báo cáo kết quả công tác tuyên truyền ${r.period.label} của ${r.issuer.authority}./.` },
    ],
    recipients: ['Sở Văn hóa, Thể thao và Du lịch tỉnh (b/c);', 'Thường trực Đảng ủy, HĐND xã;', 'Chủ tịch, các Phó Chủ tịch UBND xã;', 'Lưu: VT, VHXH.'],
    signature: { on: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
    annexes: [
      { title: 'PHỤ LỤC I', subject: `Danh mục tin, bài đã đăng ${r.period.label}`, blocks: [{ type: 'table', table: t.piecesAnnexTable(r) }] },
      { title: 'PHỤ LỤC II', subject: `Danh mục hoạt động tuyên truyền ${r.period.label}`, blocks: [{ type: 'table', table: t.activitiesAnnexTable(r) }] },
    ],
  };
}
