import { spawn } from 'node:child_process';
import { CMS_DIR, strapiBin } from './cms-process.ts';

export interface StrapiCliResult {
  code: number;
  output: string;
}

/**
 * Runs the Strapi CLI of cms/ (`strapi export`, `strapi import`) with the given environment.
 * `npm run strapi -w @thanh-thuy/cms` does not read the root .env (Strapi looks for cms/.env),
 * so the callers pass the root configuration explicitly (scripts/env/config.ts loadConfig).
 */
export function runStrapiCli(args: string[], env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Promise<StrapiCliResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [strapiBin(), ...args], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env, NODE_ENV: env.NODE_ENV ?? 'production', STRAPI_TELEMETRY_DISABLED: 'true', BROWSER: 'none', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (output.length > 400_000) output = output.slice(-200_000);
      onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new Error(`Could not run strapi ${args[0]}: ${error.message}`, { cause: error })));
    child.once('close', (code, signal) => resolveRun({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** The last line of Strapi's output that says something (spinners and tables left out). */
export function lastMeaningfulLine(output: string): string {
  const lines = output
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^[│┌└├─┬┴┼┐┘┤\s]+$/.test(l) && !/^[-✔✖⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/.test(l));
  const error = [...lines].reverse().find((l) => /error|failed|cannot|could not|invalid/i.test(l));
  return error ?? lines.at(-1) ?? '';
}
