const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * Cuts NFC text to at most `max` UTF-16 units (never more code points either), on a word
 * boundary when there is one, ending in "…". Whole graphemes only, so a Vietnamese letter and
 * its combining tone mark are never split. The caption module cuts first; this is the defence
 * that keeps Zalo from answering -201 when a caption slips through too long.
 */
export function fitText(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let kept = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  const lastSpace = kept.lastIndexOf(' ');
  // A word boundary in the last third is worth the shorter text; further back, cut the word.
  if (lastSpace > max * 0.66) kept = kept.slice(0, lastSpace);
  return `${kept.replace(/[\s,.;:–-]+$/u, '')}…`;
}
