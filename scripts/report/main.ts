import { resolve } from 'node:path';
import { ROOT, loadConfig } from '../env/config.ts';
import { ReportCmsError, fetchProvinceReport, fetchReport } from './fetch-report.ts';
import { ReportUsageError, USAGE, parseReportFlags } from './report-flags.ts';
import { writeProvinceReport, writeReport, type WrittenReport } from './write-report.ts';

// npm run report -- --month 2025-10: read the period's numbers from the CMS once, render the
// .docx, the HTML and the CSV files from them, and put them in place only when all are written.

class ReportWriteError extends Error {
  override name = 'ReportWriteError';
}

async function main(argv: string[]): Promise<number> {
  const flags = parseReportFlags(argv);
  if (!flags) {
    console.log(USAGE.trim());
    return 0;
  }
  const { config, env } = loadConfig();
  const out = resolve(flags.out ?? resolve(ROOT, config.DATA_DIR, 'reports'));
  const write = async (): Promise<{ label: string; written: WrittenReport }> => {
    if (flags.province) {
      const report = await fetchProvinceReport(config.CMS_URL, env.REPORT_API_TOKEN, flags.period);
      return { label: `toàn tỉnh ${report.period.label}`, written: await writeProvinceReport(report, out).catch(unwritable(out)) };
    }
    const report = await fetchReport(config.CMS_URL, env.REPORT_API_TOKEN, flags.period, undefined, flags.commune);
    return { label: flags.commune ? `${report.period.label} của ${flags.commune}` : report.period.label, written: await writeReport(report, out, flags.commune).catch(unwritable(out)) };
  };
  const { label, written } = await write();
  console.log(`Đã viết báo cáo ${label} vào ${written.dir}:`);
  for (const file of written.files) console.log(`  ${file}`);
  return 0;
}

function unwritable(out: string) {
  return (error: NodeJS.ErrnoException): never => {
    throw new ReportWriteError(`Không ghi được báo cáo vào ${out} (${error.code ?? error.message}): hãy chọn --out là một thư mục ghi được, rồi gọi lại`, { cause: error });
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    const known = error instanceof ReportUsageError || error instanceof ReportCmsError || error instanceof ReportWriteError;
    console.error(known ? error.message : `Không viết được báo cáo: ${error.message}`);
    if (process.env.DEBUG_OPS) console.error(error);
    process.exit(error instanceof ReportUsageError ? 2 : 1);
  },
);
