import { foldDiacritics } from '@thanh-thuy/content-types';

// Pagefind folds tone and vowel marks but not đ/Đ (shared/FACTS.md): a page gets a hidden,
// low-weight list of its đ-words written with d, so "dang ky" finds "đăng ký".
const WORD = /[\p{L}\p{M}]+/gu;

export function foldedDWords(text: string): string {
  // Distinct đ-words first, then fold each once: a piece repeats the same few words many
  // times, and a regex looking for đ inside a word backtracks over every word without one.
  const dWords = new Set<string>();
  for (const word of text.normalize('NFC').match(WORD) ?? []) if (word.includes('đ') || word.includes('Đ')) dWords.add(word);
  const folded = new Set<string>();
  for (const word of dWords) folded.add(foldDiacritics(word).toLowerCase());
  return [...folded].join(' ');
}
