import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProvinceReport, ReportData } from '@thanh-thuy/content-types';
import { tableToCsv } from '../../cms/src/report/render/csv.ts';
import { renderDocx, renderProvinceDocx } from '../../cms/src/report/render/docx.ts';
import { renderHtml } from '../../cms/src/report/render/html.ts';
import { renderProvinceHtml } from '../../cms/src/report/render/province-html.ts';
import { provinceTables } from '../../cms/src/report/render/province-tables.ts';
import { reportTables } from '../../cms/src/report/render/report-tables.ts';

export interface WrittenReport {
  dir: string;
  files: string[];
}

/** The folder a period's report goes to: bao-cao-2025-10-01-den-2025-10-31. */
export const reportFolderName = (report: Pick<ReportData, 'period'>) => `bao-cao-${report.period.from}-den-${report.period.to}`;

const exists = (path: string) => stat(path).then(() => true, () => false);

/** A commune's report (`commune`: one of a province's): the .docx, the printable HTML and the CSV tables. */
export async function writeReport(report: ReportData, outDir: string, commune: string | null = null): Promise<WrittenReport> {
  // In a province, each commune's report of a period has a folder of its own.
  return writeReportFolder(outDir, commune ? `${reportFolderName(report)}-${commune}` : reportFolderName(report), async (put) => {
    await put('bao-cao.docx', await renderDocx(report));
    await put('bao-cao.html', renderHtml(report));
    for (const table of reportTables(report)) await put(join('so-lieu', `${table.file}.csv`), tableToCsv(table));
  });
}

/** The province's report (per commune): the .docx, the printable HTML and the CSV tables. */
export async function writeProvinceReport(report: ProvinceReport, outDir: string): Promise<WrittenReport> {
  return writeReportFolder(outDir, `bao-cao-tinh-${report.period.from}-den-${report.period.to}`, async (put) => {
    await put('bao-cao.docx', await renderProvinceDocx(report));
    await put('bao-cao.html', renderProvinceHtml(report));
    for (const table of provinceTables(report)) await put(join('so-lieu', `${table.file}.csv`), tableToCsv(table));
  });
}

/**
 * Renders a report into a temporary folder beside the final one and renames it into place
 * only when every file is written, so a failure leaves no partial report (and an earlier report
 * of the same period stays until the new one is whole).
 */
async function writeReportFolder(outDir: string, name: string, render: (put: (file: string, data: string | Buffer) => Promise<void>) => Promise<void>): Promise<WrittenReport> {
  const createdOut = !(await exists(outDir));
  await mkdir(outDir, { recursive: true });
  const temp = await mkdtemp(join(outDir, '.bao-cao-dang-viet-'));
  const final = join(outDir, name);
  const files: string[] = [];
  try {
    await mkdir(join(temp, 'so-lieu'));
    await render(async (file, data) => {
      await writeFile(join(temp, file), data);
      files.push(file);
    });
    const previous = (await exists(final)) ? `${temp}-cu` : null;
    if (previous) await rename(final, previous);
    await rename(temp, final);
    if (previous) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (createdOut) await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return { dir: final, files: files.map((f) => join(final, f)) };
}
