import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ProvinceReport, ReportData } from '@thanh-thuy/content-types';
import { provinceReportTitle, provinceTables } from './province-tables';
import { reportDocument, type Block, type ReportDocument } from './report-document';
import type { Cell, ReportTable } from './report-tables';

// The .docx the office edits and sends on, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I)
// asks: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing
// body and the national motto side by side; page numbers centred in the top margin from the
// second page. Parts and sub-parts are Word headings (Heading 1 and 2), so the navigation pane
// and a table of contents see them; tables are Word tables with a repeated header row.

const FONT = 'Times New Roman';
// Rounded, not floored as docx's convertMillimetersToTwip does: A4 is then Word's own
// 11906 × 16838 twips, and 20/30/15 mm margins are 1134/1701/850.
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const pt = (points: number) => points * 2; // docx sizes are half-points

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, size: o.size });
const centred = (children: ParagraphChild[], spacingAfter = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });

/** The short line ruled under the issuing body and under the motto. */
const rule = (widthTwips: number, cellTwips: number) =>
  new Paragraph({ border: { bottom: LINE }, indent: { left: (cellTwips - widthTwips) / 2, right: (cellTwips - widthTwips) / 2 }, spacing: { after: 60 } });

function documentHead(d: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(left, [
            centred([run(d.issuer.upper, { size: pt(13) })]),
            centred([run(d.issuer.lower, { bold: true, size: pt(13) })]),
            rule(mm(18), left),
            centred([run(d.number, { size: pt(13) })]),
          ]),
          cell(right, [
            centred([run(d.motto.country, { bold: true, size: pt(12) })]),
            centred([run(d.motto.motto, { bold: true, size: pt(13) })]),
            rule(mm(58), right),
            centred([run(d.dateLine, { italics: true, size: pt(13) })]),
          ]),
        ],
      }),
    ],
  });
}

function cellChildren(value: Cell): ParagraphChild[] {
  if (value === null) return [];
  if (typeof value === 'number') return [run(value.toLocaleString('vi-VN'), { size: pt(12) })];
  if (typeof value === 'string') return [run(value, { size: pt(12) })];
  if (!/^https?:\/\//i.test(value.url)) return [run(value.text, { size: pt(12) })];
  return [new ExternalHyperlink({ link: value.url, children: [new TextRun({ text: value.text, style: 'Hyperlink', font: FONT, size: pt(12) })] })];
}

// About one character of 12 pt Times New Roman, and a cell's left and right padding, in twips.
const CHAR = 120;
const PADDING = 230;
const textOf = (value: Cell) => (value === null ? '' : typeof value === 'number' ? value.toLocaleString('vi-VN') : typeof value === 'string' ? value : value.text);
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

/**
 * Column widths from what the columns hold: a column is never narrower than its longest word
 * (so "Mục" or a date never breaks inside), a number column takes its header on two lines, and
 * text columns share the rest in proportion to their content.
 */
function columnWidths(t: ReportTable): number[] {
  const cells = t.columns.map((column, i) => [column, ...t.rows.map((r) => textOf(r[i])), ...(t.total ? [textOf(t.total[i])] : [])]);
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const least = cells.map((texts) => Math.max(4, Math.min(18, Math.max(...texts.map(longestWord)))) * CHAR + PADDING);
  const widths = cells.map((texts, i) => (numeric[i] ? Math.max(least[i], Math.min(1600, Math.ceil(t.columns[i].length / 2) * CHAR + PADDING)) : 0));
  const text = cells.map((texts, i) => (numeric[i] ? 0 : Math.min(45, Math.max(...texts.map((x) => x.length)))));
  for (let i = 0; i < widths.length; i += 1) if (!numeric[i]) widths[i] = least[i];
  const room = Math.max(0, TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const wanted = text.map((length, i) => (numeric[i] ? 0 : Math.max(0, length * CHAR + PADDING - least[i])));
  const share = wanted.reduce((a, b) => a + b, 0);
  for (let i = 0; i < widths.length; i += 1) if (!numeric[i] && share > 0) widths[i] += Math.floor((room * wanted[i]) / share);
  const total = widths.reduce((a, b) => a + b, 0);
  return total > TEXT_WIDTH ? widths.map((w) => Math.floor((w * TEXT_WIDTH) / total)) : widths;
}

function table(t: ReportTable): Array<Paragraph | Table> {
  const widths = columnWidths(t);
  const row = (cells: Cell[], o: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({
      tableHeader: o.header,
      cantSplit: true,
      children: cells.map(
        (value, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: o.header ? AlignmentType.CENTER : typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: o.header || o.bold ? [run(typeof value === 'string' ? value : String(value ?? ''), { bold: true, size: pt(12) })] : cellChildren(value),
              }),
            ],
          }),
      ),
    });
  const rows = [row(t.columns, { header: true })];
  if (t.rows.length === 0) rows.push(new TableRow({ children: [new TableCell({ columnSpan: t.columns.length, children: [new Paragraph({ children: [run('Không có số liệu trong kỳ.', { italics: true, size: pt(12) })] })] })] }));
  for (const r of t.rows) rows.push(row(r));
  if (t.total) rows.push(row(t.total, { bold: true }));
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [run(t.title, { bold: true, italics: true, size: pt(13) })] }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: ALL_BORDERS, rows }),
  ];
}

function block(b: Block): Array<Paragraph | Table> {
  if (b.type === 'heading') return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [run(b.text)] })];
  if (b.type === 'paragraph') return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { before: 60, after: 60 }, children: [run(b.text)] })];
  return table(b.table);
}

function signature(d: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  const small = (text: string) => new Paragraph({ children: [run(`- ${text}`, { size: pt(11) })] });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(left, [new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })] }), ...d.recipients.map(small)]),
          cell(right, [
            new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [run(d.signature.on, { bold: true })] }),
            centred([run(d.signature.position, { bold: true })]),
            centred([run(d.signature.note, { italics: true, size: pt(13) })]),
          ]),
        ],
      }),
    ],
  });
}

const pageNumbers = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] });

export function reportDocx(r: ReportData): Document {
  const d = reportDocument(r);
  const page = { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } };
  const heading = { run: { font: FONT, size: pt(14), bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } };
  return new Document({
    creator: r.issuer.authority,
    title: `${d.kind} ${d.subject}`,
    description: 'Báo cáo kết quả công tác tuyên truyền, tạo từ số liệu của CMS.',
    styles: {
      default: {
        document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: 276 } } },
        heading1: heading,
        heading2: { ...heading, run: { ...heading.run, italics: true } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
    },
    sections: [
      {
        properties: { page, titlePage: true },
        headers: { default: pageNumbers(), first: new Header({ children: [] }) },
        children: [
          documentHead(d),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(d.kind, { bold: true })] }),
          centred([run(d.subject, { bold: true })], 240),
          ...d.body.flatMap(block),
          signature(d),
        ],
      },
      ...d.annexes.map((a) => ({
        properties: { page },
        headers: { default: pageNumbers() },
        children: [centred([run(a.title, { bold: true })]), centred([run(a.subject, { bold: true, italics: true })], 240), ...a.blocks.flatMap(block)],
      })),
    ],
  });
}

export async function renderDocx(r: ReportData): Promise<Buffer> {
  return Packer.toBuffer(reportDocx(r));
}

/**
 * The province's report as a .docx the Sở edits and sends on: the same page, fonts and Word
 * tables as a commune's report, with the title, the period and the province's tables.
 */
export function provinceReportDocx(r: ProvinceReport): Document {
  const page = { size: PAGE, margin: { ...MARGIN, header: mm(10), footer: mm(10) } };
  const title = provinceReportTitle(r);
  return new Document({
    creator: `Tỉnh ${r.province}`,
    title,
    description: 'Báo cáo kết quả tuyên truyền của các xã, phường, tạo từ số liệu của CMS.',
    styles: { default: { document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: 276 } } } } },
    sections: [
      {
        properties: { page, titlePage: true },
        headers: { default: pageNumbers(), first: new Header({ children: [] }) },
        children: [
          centred([run(title.toUpperCase(), { bold: true })]),
          centred([run(r.period.label, { bold: true, italics: true })], 240),
          ...provinceTables(r).flatMap(table),
        ],
      },
    ],
  });
}

export async function renderProvinceDocx(r: ProvinceReport): Promise<Buffer> {
  return Packer.toBuffer(provinceReportDocx(r));
}
