// Vietnamese numbers as a radio reader says them (northern usage, as in Phú Thọ): "nghìn", not
// "ngàn"; "linh", not "lẻ"; "mốt", "tư", "lăm" after a tens digit. A group after a higher one is
// read in full ("hai nghìn không trăm hai mươi lăm"), as in the example.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'] as const;

/** A number below 1,000; `full` when a higher group precedes it ("không trăm", "linh"). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (words.length > 0) words.push('linh');
      words.push(DIGITS[units]);
    }
  } else if (tens === 1) {
    words.push('mười');
    if (units > 0) words.push(units === 5 ? 'lăm' : DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
  }
  return words;
}

/** A whole number in words: 2025 → "hai nghìn không trăm hai mươi lăm". */
export function readNumber(value: number | string): string {
  const digits = String(value).replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) throw new Error(`readNumber: "${value}" is not a whole number`);
  if (digits.length > GROUPS.length * 3) return readDigits(digits);
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  if (groups.every((g) => g === 0)) return DIGITS[0];
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(...readGroup(group, words.length > 0));
    const name = GROUPS[groups.length - 1 - i];
    if (name) words.push(name);
  });
  return words.join(' ');
}

/** Digit by digit, as a phone number or a code is read: "0210" → "không hai một không". */
export function readDigits(digits: string): string {
  return [...digits].filter((d) => /\d/.test(d)).map((d) => DIGITS[Number(d)]).join(' ');
}

/** A month's name after "tháng": "tháng tư", not "tháng bốn". */
export function readMonth(month: number): string {
  return month === 4 ? 'tư' : readNumber(month);
}
