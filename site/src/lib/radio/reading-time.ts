// How long a text takes to read aloud. Written Vietnamese separates syllables with spaces, so a
// syllable is a space-separated token holding a letter or a digit (after readAloud, numbers are
// already words). The pace is a setting: 180 syllables a minute is a deliberately slow, steady
// pace (chosen, not measured against recordings), because commune loudspeakers stand outdoors, where
// the echo between speakers blurs fast speech, and many of those listening are elderly.

export const DEFAULT_SYLLABLES_PER_MINUTE = 180;

export function countSyllables(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Whole seconds to read `syllables` at `perMinute`, rounded up. */
export function readingSeconds(syllables: number, perMinute = DEFAULT_SYLLABLES_PER_MINUTE): number {
  return Math.ceil((syllables * 60) / perMinute);
}

/** "2 phút 05 giây", "45 giây". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} giây`;
  return `${minutes} phút ${String(rest).padStart(2, '0')} giây`;
}
