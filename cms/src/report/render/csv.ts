import type { Cell, ReportTable } from './report-tables';

// RFC 4180 CSV with a UTF-8 byte order mark (Excel reads Vietnamese only with it) and CRLF
// line ends. A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or
// carriage return before one) is prefixed with an apostrophe, as OWASP's "CSV injection" advice
// says: an editor's title such as "=HYPERLINK(…)" stays text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return neutralise(typeof cell === 'string' ? cell : cell.url);
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns, ...table.rows, ...(table.total ? [table.total] : [])].map((row) => row.map((cell) => quote(cellText(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
