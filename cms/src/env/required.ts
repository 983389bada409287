/** Reads a secret that must be set: there are no defaults for secrets (see scripts/env/ensure-env.ts). */
export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined || value === null || (typeof value === 'string' && value === '') || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`${name} is not set. Start with \`npm start\` (it generates .env) or set ${name} in the environment.`);
  }
  return value;
}
