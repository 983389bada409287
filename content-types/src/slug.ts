import slugifyLib from 'slugify';

// slugify (simov/slugify) rather than a hand-written table: its charmap covers every
// precomposed Vietnamese letter, and its 'vi' locale folds đ/Đ to d/D.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** SLUG_PATTERN without its anchors, to match a slug inside a longer name. */
export const SLUG_BODY = SLUG_PATTERN.source.slice(1, -1);

// slugify spells some symbols in English ("%" -> "percent", "&" -> "and"): say them in
// Vietnamese first, and treat slashes as word breaks ("III/2025" -> "iii-2025").
const VIETNAMESE_SYMBOLS: Array<[RegExp, string]> = [
  [/%/g, ' phần trăm '],
  [/&/g, ' và '],
  [/[/\\]/g, ' '],
];

export function toSlug(text: string): string {
  const spoken = VIETNAMESE_SYMBOLS.reduce((acc, [pattern, words]) => acc.replace(pattern, words), text.normalize('NFC'));
  return slugifyLib(spoken, { lower: true, strict: true, locale: 'vi', trim: true })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
