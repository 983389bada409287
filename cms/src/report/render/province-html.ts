import type { ProvinceReport } from '@thanh-thuy/content-types';
import { escapeHtml, REPORT_STYLE, tableHtml } from './html';
import { provinceReportTitle, provinceTables } from './province-tables';

/** The province's report as one printable page: the period, then its tables. */
export function renderProvinceHtml(r: ProvinceReport): string {
  const title = provinceReportTitle(r);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body>
<h1>${escapeHtml(title.toUpperCase())}</h1><p class="subject">${escapeHtml(r.period.label)}</p>
${provinceTables(r).map(tableHtml).join('\n')}
</body></html>
`;
}
