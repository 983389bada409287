export type DemoDecision = { load: true } | { load: false; reason: string; ignoredSetting: boolean };

/**
 * Whether this start may load the demo set (fictitious leaders, phone numbers, social
 * accounts) into an empty database. A production start (NODE_ENV=production) never does,
 * whatever SEED_DEMO says: on a real install an empty database is the commune's own,
 * waiting for its content, and fictitious contacts must never reach its portal.
 * Elsewhere it loads unless SEED_DEMO=false.
 */
export function demoDecision(env: { NODE_ENV?: string; SEED_DEMO?: string }): DemoDecision {
  const flag = (env.SEED_DEMO ?? '').trim();
  if (flag !== '' && flag !== 'true' && flag !== 'false') {
    throw new Error(`SEED_DEMO must be "true" or "false", not ${JSON.stringify(env.SEED_DEMO)} (environment or .env)`);
  }
  if (env.NODE_ENV === 'production') {
    const ignoredSetting = flag === 'true';
    return { load: false, reason: ignoredSetting ? 'SEED_DEMO=true is ignored: a production start (NODE_ENV=production) never loads the demo set' : 'a production start (NODE_ENV=production)', ignoredSetting };
  }
  if (flag === 'false') return { load: false, reason: 'SEED_DEMO=false', ignoredSetting: false };
  return { load: true };
}
