// The site build promises one line on stderr saying what failed; npm then adds its own
// "npm error …" lines, and tools colour their output. This finds the line that matters.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const NOISE = /^(npm (error|ERR!|warn)|\s*at |Node\.js v\d|error Command failed|\s*$)/;

export function failureReason(stderr: string, fallback: string): string {
  const lines = stderr.replace(ANSI, '').split(/\r?\n/).map((line) => line.trim());
  const meaningful = lines.filter((line) => line && !NOISE.test(line));
  const line = meaningful.at(-1) ?? fallback;
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}
