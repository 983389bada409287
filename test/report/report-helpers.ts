import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/env/config.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run report`'s script as a person would, with its own env file; resolves with what they see. */
export function runReportCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tt-report-env-'));
  const envFile = join(dir, '.env');
  writeFileSync(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'report', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ENV_FILE: envFile, CMS_URL: env.CMS_URL ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ status, stdout, stderr });
    });
  });
}

/** RFC 4180 CSV as a spreadsheet reads it (after the byte order mark). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

const decode = (text: string) =>
  text.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** The rows of the HTML table marked data-table="name", as text, header and total rows included. */
export function htmlTables(html: string, name: string): string[][] {
  const table = new RegExp(`<table data-table="${name}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => decode(cell[1])));
}

export interface DocxStructure {
  text: string;
  headings1: string[];
  headings2: string[];
  tables: string[][][];
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  fonts: string[];
}

/**
 * Reads a .docx as Word does: mammoth turns its Heading 1/2 paragraphs into h1/h2 and its tables
 * into tables (so both are real Word structures, not formatted text), and the package's own XML
 * gives the page size, margins and fonts.
 */
export async function docxStructure(path: string): Promise<DocxStructure> {
  const mammoth = (await import('mammoth')).default;
  const JSZip = (await import('jszip')).default;
  const { value: html } = await mammoth.convertToHtml({ path });
  const zip = await JSZip.loadAsync(readFileSync(path));
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const attr = (xml: string, element: string, name: string) => Number(new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml)?.[1]);
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => decode(cell[1]))),
  );
  return {
    text: decode(html.replace(/<\/(p|h\d|td|th)>/g, ' ')),
    headings1: [...html.matchAll(/<h1>([\s\S]*?)<\/h1>/g)].map((m) => decode(m[1])),
    headings2: [...html.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((m) => decode(m[1])),
    tables,
    page: {
      width: attr(document, 'pgSz', 'w'),
      height: attr(document, 'pgSz', 'h'),
      top: attr(document, 'pgMar', 'top'),
      bottom: attr(document, 'pgMar', 'bottom'),
      left: attr(document, 'pgMar', 'left'),
      right: attr(document, 'pgMar', 'right'),
    },
    fonts: [...new Set([...`${styles}${document}`.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))],
  };
}

/** LibreOffice's command when it is installed (Debian: libreoffice-writer-nogui), else null. */
export function findSoffice(): string | null {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']) if (existsSync(candidate)) return candidate;
  return null;
}
