import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses a command's flags with node:util and validates them with zod. `--help` prints the
 * usage and exits 0 (the README test runs every documented command this way); a bad flag is
 * a UsageError naming it.
 */
export function parseCli<S extends z.ZodTypeAny>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
  config: { positionals?: boolean } = {},
): { flags: z.infer<S>; positionals: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: config.positionals ?? false });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage.trim()}`, { cause: error });
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}\n${usage.trim()}`);
  }
  return { flags: result.data, positionals: parsed.positionals };
}

/** Runs a command's main: one line on failure and a non-zero exit, as STYLE.md asks. */
export function runMain(main: () => Promise<number | void>, failurePrefix: string): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: Error) => {
      console.error(error instanceof UsageError ? error.message : `${failurePrefix}: ${error.message}`);
      if (process.env.DEBUG_OPS) console.error(error);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
