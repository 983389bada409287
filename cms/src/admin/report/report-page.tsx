import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';

// "Báo cáo định kỳ": the periodic report without a terminal. The CMS computes and renders it
// (cms/src/report/admin-routes.ts) exactly as `npm run report` does; the page only names the
// period and saves the file the CMS sends.

type Kind = 'month' | 'quarter' | 'campaign' | 'range';

const PREFIX = '/report-download';
const pad = (n: number) => String(n).padStart(2, '0');

function lastMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The query the CMS reads (cms/src/report/request-period.ts): the same choices as the command's flags. */
function periodQuery(kind: Kind, values: Record<string, string>): string {
  if (kind === 'month') return `month=${encodeURIComponent(values.month)}`;
  if (kind === 'quarter') return `quarter=${encodeURIComponent(values.quarter)}`;
  if (kind === 'campaign') return 'campaign=1';
  return `from=${encodeURIComponent(values.from)}&to=${encodeURIComponent(values.to)}`;
}

/** The CMS's own Vietnamese refusal, read from the error body a blob request leaves unparsed. */
async function refusalOf(data: unknown): Promise<string> {
  try {
    const text = data instanceof Blob ? await data.text() : '';
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: fall through to the plain sentence
  }
  return 'Không tạo được báo cáo. Hãy thử lại sau ít phút.';
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function ReportPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [kind, setKind] = React.useState<Kind>('month');
  const [values, setValues] = React.useState<Record<string, string>>({ month: lastMonth(), quarter: `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`, from: '', to: '' });
  const [busy, setBusy] = React.useState<string | null>(null);
  const set = (name: string) => (event: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const download = async (format: 'docx' | 'html') => {
    setBusy(format);
    try {
      const res = await get<Blob>(`${PREFIX}/${format}?${periodQuery(kind, values)}`, { responseType: 'blob', validateStatus: () => true } as never);
      const status = (res as unknown as { status: number }).status;
      if (status !== 200) throw new Error(await refusalOf(res.data));
      const disposition = (res as unknown as { headers?: Headers }).headers?.get('content-disposition') ?? '';
      save(res.data, /filename="([^"]+)"/.exec(disposition)?.[1] ?? `bao-cao.${format}`);
    } catch (error) {
      toggleNotification({ type: 'danger', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Báo cáo định kỳ</Page.Title>
      <Layouts.Header title="Báo cáo định kỳ" subtitle="Báo cáo kết quả công tác tuyên truyền gửi UBND xã và Sở Văn hóa, Thể thao và Du lịch, theo thể thức Nghị định 30/2020/NĐ-CP." />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="kind">
              <Field.Label>Kỳ báo cáo</Field.Label>
              <SingleSelect value={kind} onChange={(value: string | number) => setKind(String(value) as Kind)}>
                <SingleSelectOption value="month">Một tháng</SingleSelectOption>
                <SingleSelectOption value="quarter">Một quý</SingleSelectOption>
                <SingleSelectOption value="campaign">Toàn thời gian thực hiện Kế hoạch</SingleSelectOption>
                <SingleSelectOption value="range">Từ ngày đến ngày</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            {kind === 'month' && (
              <Field.Root name="month" hint="Dạng NĂM-THÁNG, ví dụ 2025-10.">
                <Field.Label>Tháng</Field.Label>
                <TextInput type="month" value={values.month} onChange={set('month')} />
                <Field.Hint />
              </Field.Root>
            )}
            {kind === 'quarter' && (
              <Field.Root name="quarter" hint="Dạng NĂM-Q1 đến NĂM-Q4, ví dụ 2025-Q4.">
                <Field.Label>Quý</Field.Label>
                <TextInput value={values.quarter} onChange={set('quarter')} />
                <Field.Hint />
              </Field.Root>
            )}
            {kind === 'range' && (
              <Flex gap={4}>
                <Field.Root name="from">
                  <Field.Label>Từ ngày</Field.Label>
                  <TextInput type="date" value={values.from} onChange={set('from')} />
                </Field.Root>
                <Field.Root name="to">
                  <Field.Label>Đến hết ngày</Field.Label>
                  <TextInput type="date" value={values.to} onChange={set('to')} />
                </Field.Root>
              </Flex>
            )}
            <Typography variant="pi" textColor="neutral600">
              Tin, bài được tính theo ngày đăng lần đầu (giờ Việt Nam); bản nháp, tin đã gỡ hoặc đã xóa không được tính. Cùng số liệu với lệnh npm run report.
            </Typography>
            <Flex gap={2}>
              <Button onClick={() => download('docx')} loading={busy === 'docx'} disabled={busy !== null}>
                Tải báo cáo (.docx)
              </Button>
              <Button variant="secondary" onClick={() => download('html')} loading={busy === 'html'} disabled={busy !== null}>
                Tải bản in (HTML)
              </Button>
            </Flex>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}
