import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without declarations
import { describeFailure } from '../../site/scripts/build.mjs';

// A failed build prints one line. A failure it names is that line; a bug (a TypeError seen once
// in a CI log) must also say where it happened, or it cannot be found again.
describe('the line a failed build prints', () => {
  it('is the message alone for a failure the build names', () => {
    expect(describeFailure(new Error('CMS unreachable: GET http://127.0.0.1:9/api/articles'))).toBe('CMS unreachable: GET http://127.0.0.1:9/api/articles');
    expect(describeFailure('a string thrown')).toBe('a string thrown');
  });

  it('names the file and line of a bug', () => {
    let error: unknown;
    try {
      (undefined as unknown as { key: string }).key;
    } catch (e) {
      error = e;
    }
    const line = describeFailure(error) as string;
    expect(line).toMatch(/^Cannot read properties of undefined \(reading 'key'\) \(at .*a-failed-build-says-where-a-bug-happened\.test\.ts:\d+:\d+\)?\)$/);
    expect(line.split('\n')).toHaveLength(1);
  });
});
