// Accent-free form of Vietnamese text for search: "Đăng ký" -> "Dang ky".
// NFD splits tone and vowel marks into combining characters; đ/Đ are letters of their
// own and need folding explicitly (pagefind does not fold them, see shared/FACTS.md).
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
