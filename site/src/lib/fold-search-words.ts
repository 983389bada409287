import { foldDiacritics } from '@thanh-thuy/content-types';

// Pagefind folds tone and vowel marks but not đ/Đ (shared/FACTS.md): a page gets a hidden,
// low-weight list of its đ-words written with d, so "dang ky" finds "đăng ký".
const D_WORD = /[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu;

export function foldedDWords(text: string): string {
  const words = new Set<string>();
  for (const match of text.normalize('NFC').matchAll(D_WORD)) words.add(foldDiacritics(match[0]).toLowerCase());
  return [...words].join(' ');
}
