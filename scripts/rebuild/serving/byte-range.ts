import parseRange from 'range-parser';

export type RangeAnswer =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export interface RangeRequest {
  range: string | undefined;
  ifRange: string | undefined;
}

export interface Representation {
  size: number;
  etag: string;
  lastModified: Date;
}

/**
 * If-Range (RFC 9110 §13.1.5): the range applies only to the representation the client
 * already holds part of, named by a strong ETag or its exact Last-Modified date; otherwise
 * the whole file is sent, so a download resumed across a release never mixes two files.
 */
function rangeStillApplies(ifRange: string | undefined, file: Representation): boolean {
  if (!ifRange) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === file.etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && date === Math.floor(file.lastModified.getTime() / 1000) * 1000;
}

/**
 * What to send for a `Range` header: one byte range (206), "unsatisfiable" (416), or the
 * whole file. Several ranges are answered with the whole file, which the standard allows;
 * a media player asks for one range at a time (iOS Safari plays video only this way).
 */
export function answerRange(request: RangeRequest, file: Representation): RangeAnswer {
  if (!request.range || !rangeStillApplies(request.ifRange, file)) return { kind: 'full' };
  const ranges = parseRange(file.size, request.range, { combine: true });
  if (ranges === -1) return { kind: 'unsatisfiable' };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { kind: 'full' };
  return { kind: 'partial', start: ranges[0].start, end: ranges[0].end };
}
