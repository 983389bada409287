import type { ReportData } from '@thanh-thuy/content-types';
import { reportDocument, type Block } from './report-document';
import type { Cell, ReportTable } from './report-tables';

// The printable copy: the same document as the .docx, on A4 with the decree's margins
// (top and bottom 20 mm, left 30 mm, right 15 mm) and Times New Roman, for a browser's print.

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') return escapeHtml(value);
  return isWebLink(value.url) ? `<a href="${escapeHtml(value.url)}">${escapeHtml(value.text)}</a>` : escapeHtml(value.text);
}

const numeric = (value: Cell) => typeof value === 'number';

export function tableHtml(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const row = (r: Cell[], tag = 'td') => `<tr>${r.map((c) => `<${tag}${numeric(c) ? ' class="n"' : ''}>${cell(c)}</${tag}>`).join('')}</tr>`;
  const body = t.rows.length ? t.rows.map((r) => row(r)).join('\n') : `<tr><td colspan="${t.columns.length}">Không có số liệu trong kỳ.</td></tr>`;
  const foot = t.total ? `<tfoot>${row(t.total)}</tfoot>` : '';
  return `<table data-table="${escapeHtml(t.file)}"><caption>${escapeHtml(t.title)}</caption><thead>${head}</thead><tbody>\n${body}\n</tbody>${foot}</table>`;
}

function block(b: Block): string {
  if (b.type === 'heading') return b.level === 1 ? `<h2>${escapeHtml(b.text)}</h2>` : `<h3>${escapeHtml(b.text)}</h3>`;
  if (b.type === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
  return tableHtml(b.table);
}

export const REPORT_STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; max-width: 165mm; margin: 1em auto; color: #000; }
.head { width: 100%; border-collapse: collapse; margin: 0; }
.head td { border: 0; text-align: center; vertical-align: top; padding: 0; font-size: 13pt; }
.head .issuer { width: 40%; } .head strong { display: block; }
.rule { display: block; width: 30%; margin: 2pt auto 6pt; border-top: 1px solid #000; }
.date { font-style: italic; }
h1 { text-align: center; font-size: 14pt; margin: 18pt 0 0; } p.subject { text-align: center; text-indent: 0; font-weight: bold; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 12pt 0 6pt; } h3 { font-size: 14pt; font-style: italic; margin: 8pt 0 4pt; }
p { text-align: justify; text-indent: 1cm; margin: 6pt 0; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 12pt; page-break-inside: auto; }
caption { font-weight: bold; font-style: italic; text-align: left; padding-bottom: 3pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; } th { text-align: center; }
td.n { text-align: right; } tfoot td { font-weight: bold; } thead { display: table-header-group; }
a { color: #000; word-break: break-all; }
.sign { width: 100%; margin-top: 18pt; border-collapse: collapse; } .sign td { border: 0; vertical-align: top; font-size: 12pt; }
.sign .who { text-align: center; font-size: 14pt; font-weight: bold; } .sign .note { font-weight: normal; font-style: italic; }
.annex { page-break-before: always; } .annex h1 + p { text-align: center; text-indent: 0; font-weight: bold; }
`;

export function renderHtml(r: ReportData): string {
  const d = reportDocument(r);
  const header = `<table class="head"><tr>
<td class="issuer">${escapeHtml(d.issuer.upper)}<strong>${escapeHtml(d.issuer.lower)}</strong><span class="rule"></span>${escapeHtml(d.number).replace(/ {2,}/g, (gap) => '&nbsp;'.repeat(gap.length))}</td>
<td><strong>${escapeHtml(d.motto.country)}</strong><strong>${escapeHtml(d.motto.motto)}</strong><span class="rule"></span><span class="date">${escapeHtml(d.dateLine)}</span></td>
</tr></table>`;
  const sign = `<table class="sign"><tr>
<td><strong><em>Nơi nhận:</em></strong><br>${d.recipients.map((x) => `- ${escapeHtml(x)}`).join('<br>')}</td>
<td class="who">${escapeHtml(d.signature.on)}<br>${escapeHtml(d.signature.position)}<br><span class="note">${escapeHtml(d.signature.note)}</span></td>
</tr></table>`;
  const annexes = d.annexes.map((a) => `<section class="annex"><h1>${escapeHtml(a.title)}</h1><p>${escapeHtml(a.subject)}</p>\n${a.blocks.map(block).join('\n')}</section>`).join('\n');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(`${d.kind} ${d.subject}`)}</title><style>${REPORT_STYLE}</style></head>
<body>
${header}
<h1>${escapeHtml(d.kind)}</h1>
<p class="subject">${escapeHtml(d.subject)}</p>
${d.body.map(block).join('\n')}
${sign}
${annexes}
</body>
</html>
`;
}
