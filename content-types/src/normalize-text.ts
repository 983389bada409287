// What editors paste (from Word, PDFs, chat apps, web pages) carries characters nobody sees:
// non-breaking and zero-width spaces, byte-order marks, bidi overrides, control characters,
// decomposed (NFD) Vietnamese, broken UTF-16. The CMS stores text only after these functions,
// and the portal applies them again to what it reads, so both sides see the same value.
//
// Per field type:
//   line      (string: titles, names) one line; tabs and line breaks become spaces
//   formatted (url, email, phone, procedure code, slug, enum) a line with no invisible
//             character anywhere and every Unicode space a plain space
//   text      (text: summary, claim) several lines; \n and \t kept
//   markdown  (markdown) like text, but leading indentation of the first line is kept

/** C0 and C1 control characters except \t and \n (XML 1.0, hence RSS, forbids most of them). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Invisible characters with no use in Vietnamese text, removed everywhere: zero-width space,
 * word joiner, Mongolian vowel separator, byte-order mark, bidi marks, embeddings, overrides
 * and isolates (they can make a link read differently from where it goes), and the two
 * non-characters XML forbids.
 */
const INVISIBLE = /[\u200B\u2060\u180E\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
/** Zero-width (non-)joiners and the soft hyphen: kept inside text (emoji sequences), never in a format. */
const JOINERS = /[\u200C\u200D\u00AD]/g;
/** Line breaks of every kind, including the Unicode line and paragraph separators and NEL. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029\u0085\u000B\u000C]/g;
/** Whitespace at either end: JavaScript's \s (which covers NBSP, U+202F, U+3000…) plus the joiners. */
const EDGE = /^[\s\u200C\u200D\u00AD]+|[\s\u200C\u200D\u00AD]+$/g;
const BLANK_LEADING_LINES = /^(?:[^\S\n]*\n)+/;
const TRAILING_SPACE = /[\s\u200C\u200D\u00AD]+$/;

function clean(value: string): string {
  return value.replace(LONE_SURROGATE, '').replace(INVISIBLE, '');
}

/** A one-line value (a title, a name): line breaks and tabs become spaces, ends trimmed. */
export function normalizeLine(value: string): string {
  return clean(value).replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(CONTROL, '').normalize('NFC').replace(EDGE, '');
}

/** A value with a format (a URL, an e-mail, a phone number, a code): nothing invisible anywhere. */
export function normalizeFormatted(value: string): string {
  return normalizeLine(value.replace(JOINERS, '')).replace(/\s/g, ' ');
}

/** Several lines of plain text: \n and \t kept, every other control character removed, ends trimmed. */
export function normalizeText(value: string): string {
  return clean(value).replace(LINE_BREAK, '\n').replace(CONTROL, '').normalize('NFC').replace(EDGE, '');
}

/** Markdown: like text, but the first line keeps its indentation (four spaces start a code block). */
export function normalizeMarkdown(value: string): string {
  return clean(value).replace(LINE_BREAK, '\n').replace(CONTROL, '').normalize('NFC').replace(BLANK_LEADING_LINES, '').replace(TRAILING_SPACE, '');
}
