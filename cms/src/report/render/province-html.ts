import type { ProvinceReport } from '@thanh-thuy/content-types';
import { escapeHtml, REPORT_STYLE, tableHtml } from './html';
import { provinceTables } from './province-tables';

/** The province's report as one printable page: the period, then its tables. */
export function renderProvinceHtml(r: ProvinceReport): string {
  const title = `Báo cáo kết quả tuyên truyền chuyển đổi số của các xã, phường tỉnh ${r.province}`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body>
<h1>${escapeHtml(title.toUpperCase())}</h1><p class="subject">${escapeHtml(r.period.label)}</p>
${provinceTables(r).map(tableHtml).join('\n')}
<p>Hoạt động trực tiếp và tin giả phát hiện được chưa ghi theo xã, phường: bảng cuối là số liệu chung của toàn tỉnh.</p>
</body></html>
`;
}
