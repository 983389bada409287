/**
 * `--help` for commands that take no other flags parser: prints the usage and exits 0, so the
 * README test (test/operations/readme-commands.test.ts) can run every documented command.
 */
export function exitWithUsageOnHelp(usage: string, argv = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  console.log(usage.trim());
  process.exit(0);
}
