import abbreviations from './abbreviations.json' with { type: 'json' };
import { readDigits, readMonth, readNumber } from './read-number.ts';

// Text as a loudspeaker reader says it: dates, times, amounts, phone numbers, document numbers,
// abbreviations and web addresses written out in words, so that whoever reads the bulletin
// reads it the same way and its reading time can be counted in syllables.

// Word edges for Vietnamese: \b knows only ASCII letters.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const words = abbreviations.words as Record<string, string>;
const issuers = abbreviations.issuers as Record<string, string>;
const units = abbreviations.units as Record<string, string>;
const letters = abbreviations.letters as Record<string, string>;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (keys: string[]) => keys.sort((a, b) => b.length - a.length).map(escape).join('|');

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;
/** A date as read; `lead` is the "ngày"/"Ngày" the text already had, kept with its capital. */
const date = (lead: string | undefined, d: string, m: string, y?: string) =>
  `${lead?.trim() ?? 'ngày'} ${readNumber(d)} tháng ${readMonth(Number(m))}${y ? ` năm ${readNumber(y)}` : ''}`;
/** "1.250.000" (Vietnamese thousands) or "1,5" (decimal comma) in words. */
function amount(text: string): string {
  const [whole, fraction] = text.replace(/\./g, '').split(',');
  return fraction ? `${readNumber(whole)} phẩy ${readNumber(fraction)}` : readNumber(whole);
}
const NUMBER = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';

type Rule = [RegExp, (...groups: string[]) => string];

const rules: Rule[] = [
  // Document numbers: "30/2020/NĐ-CP" → "ba mươi năm hai nghìn không trăm hai mươi của Chính phủ".
  [
    new RegExp(`${START}(\\d+)/(\\d{4})/([\\p{Lu}Đ]+)(?:-([\\p{L}Đ]+))?${END}`, 'gu'),
    (_, n, y, kind, issuer) => `${readNumber(n)} năm ${readNumber(y)}${issuer && issuers[issuer] ? ` ${issuers[issuer]}` : kind && issuers[kind] ? ` ${issuers[kind]}` : ''}`,
  ],
  // "01-KHHĐ/BCĐ" → "không một của Ban Chỉ đạo".
  [
    new RegExp(`${START}(\\d+)-([\\p{Lu}Đ]+)/([\\p{L}Đ]+)${END}`, 'gu'),
    (_, n, _kind, issuer) => `${readDigits(n)}${issuers[issuer] ? ` ${issuers[issuer]}` : ''}`,
  ],
  // "24/7" is round the clock, not 24 July.
  [new RegExp(`${START}24/7${END}`, 'gu'), () => 'hai mươi tư trên bảy'],
  // Dates: "ngày 28/8/2025", "28/08/2025", "28/8", "tháng 8/2025".
  [
    new RegExp(`${START}([Nn]gày\\s+)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${END}`, 'gu'),
    (whole, lead, d, m, y) => (validDay(Number(d)) && validMonth(Number(m)) ? date(lead, d, m, y) : whole),
  ],
  [
    new RegExp(`${START}([Tt]háng)\\s+(\\d{1,2})/(\\d{4})${END}`, 'gu'),
    (whole, lead, m, y) => (validMonth(Number(m)) ? `${lead} ${readMonth(Number(m))} năm ${readNumber(y)}` : whole),
  ],
  [
    new RegExp(`${START}([Nn]gày\\s+)?(\\d{1,2})/(\\d{1,2})${END}`, 'gu'),
    (whole, lead, d, m) => (validDay(Number(d)) && validMonth(Number(m)) ? date(lead, d, m) : whole),
  ],
  [new RegExp(`${START}([Tt]háng)\\s+(\\d{1,2})${END}`, 'gu'), (whole, lead, m) => (validMonth(Number(m)) ? `${lead} ${readMonth(Number(m))}` : whole)],
  // Times: "7h30", "7 giờ 30", "07:30", "7h".
  [
    new RegExp(`${START}(\\d{1,2})\\s*(?:h|giờ|:)\\s*(\\d{2})(?:\\s*phút)?${END}`, 'gu'),
    (whole, h, min) => (Number(h) < 24 && Number(min) < 60 ? `${readNumber(h)} giờ${Number(min) ? ` ${readNumber(min)} phút` : ''}` : whole),
  ],
  [new RegExp(`${START}(\\d{1,2})h${END}`, 'gu'), (whole, h) => (Number(h) < 24 ? `${readNumber(h)} giờ` : whole)],
  // Phone numbers, read digit by digit in their groups: "0210 3826 123".
  [
    new RegExp(`${START}(0\\d{2,3})[ .]?(\\d{3,4})[ .]?(\\d{3,4})${END}`, 'gu'),
    (_, a, b, c) => [a, b, c].map(readDigits).join(', '),
  ],
  [new RegExp(`${START}(1900|1800)[ .]?(\\d{4})${END}`, 'gu'), (_, a, b) => [a, b].map(readDigits).join(', ')],
  // Money and percentages; "200k" is spoken Vietnamese for 200 nghìn.
  [new RegExp(`${START}(\\d+)k${END}`, 'gu'), (_, n) => `${readNumber(n)} nghìn`],
  [new RegExp(`${START}(${NUMBER})\\s*(?:đồng|đ|VNĐ|VND)${END}`, 'gu'), (_, n) => `${amount(n)} đồng`],
  [new RegExp(`${START}(${NUMBER})\\s*%`, 'gu'), (_, n) => `${amount(n)} phần trăm`],
  // Ranges: "8-10 người" → "tám đến mười người".
  [new RegExp(`${START}(${NUMBER})\\s*[–-]\\s*(${NUMBER})${END}`, 'gu'), (_, a, b) => `${amount(a)} đến ${amount(b)}`],
  // Units after a number: "5 km" → "năm ki-lô-mét".
  [
    new RegExp(`${START}(${NUMBER})\\s*(${alternation(Object.keys(units))})${END}`, 'gu'),
    (_, n, unit) => `${amount(n)} ${units[unit]}`,
  ],
  // Web addresses: "dichvucong.gov.vn" → "dichvucong chấm gov chấm vn".
  [
    new RegExp(`${START}(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(/[^\\s]*)?`, 'gu'),
    (_, host: string) => host.split('.').join(' chấm '),
  ],
  // Codes of capitals and digits, letter by letter: "CT01" → "xê tê không một", "A1" → "a một".
  [
    new RegExp(`${START}([A-ZĐ]{1,4})(\\d{1,4})${END}`, 'gu'),
    (_, code: string, n: string) => `${[...code].map((c) => letters[c]).join(' ')} ${/^0/.test(n) ? readDigits(n) : readNumber(n)}`,
  ],
  // Any other number; a leading zero means a code ("01" → "không một").
  [new RegExp(`${START}(${NUMBER})${END}`, 'gu'), (_, n: string) => (/^0\d/.test(n) ? readDigits(n) : amount(n))],
  [new RegExp(`${START}(${alternation(Object.keys(words))})(?![\\p{L}\\p{N}])`, 'gu'), (_, w) => words[w]],
  [/\s*&\s*/gu, () => ' và '],
];

/** The text as it is read aloud. */
export function readAloud(text: string): string {
  let spoken = text.normalize('NFC');
  for (const [pattern, replace] of rules) spoken = spoken.replace(pattern, replace as (...args: string[]) => string);
  return spoken.replace(/[ \t]+/g, ' ').trim();
}
