/** One line of `npm run doctor`: what was checked, how it stands, and what to do about it. */
export type CheckStatus = 'ok' | 'info' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  line: string;
}

export const ok = (line: string): CheckResult => ({ status: 'ok', line });
export const info = (line: string): CheckResult => ({ status: 'info', line });
export const fail = (line: string): CheckResult => ({ status: 'fail', line });

const MARK: Record<CheckStatus, string> = { ok: '✔', info: 'ℹ', fail: '✘' };

export function formatCheck(result: CheckResult): string {
  return `${MARK[result.status]} ${result.line}`;
}

/** "3 giờ", "2 ngày": how old something is, for the operator. */
export function age(from: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} phút`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} giờ`;
  return `${Math.round(minutes / 1440)} ngày`;
}

export async function getJson(url: string, timeoutMs = 3000): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    return { status: res.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? (error as Error).name };
  }
}
