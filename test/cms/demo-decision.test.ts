import { describe, expect, it } from 'vitest';
import { demoDecision } from '../../cms/src/seed/demo-decision.ts';

describe('whether a start loads the demo set', () => {
  it.each([
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: '' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: 'false' }, false],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO: 'true' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO: 'false' }, false],
    [{}, true],
    [{ SEED_DEMO: ' false ' }, false],
  ])('%j → %s', (env, load) => {
    expect(demoDecision(env).load).toBe(load);
  });

  it('says why it refused an explicit SEED_DEMO=true on a production start', () => {
    expect(demoDecision({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toEqual({
      load: false,
      reason: 'SEED_DEMO=true is ignored: a production start (NODE_ENV=production) never loads the demo set',
      ignoredSetting: true,
    });
  });

  it.each(['yes', '1', 'TRUE', 'no'])('SEED_DEMO=%s is refused, naming the variable', (value) => {
    expect(() => demoDecision({ SEED_DEMO: value })).toThrow(`SEED_DEMO must be "true" or "false", not "${value}"`);
  });
});
