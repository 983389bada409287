// The panel's inputs show Vietnam's wall-clock time (Asia/Ho_Chi_Minh is UTC+7 all year), so
// an approver in Hà Nội and a server in UTC agree on "08:00".
const OFFSET_MS = 7 * 3_600_000;

/** An instant → the value of an <input type="datetime-local"> in Vietnam's time. */
export const toVietnamInput = (iso: string | null): string => (iso ? new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16) : '');

/** An <input type="datetime-local"> value read as Vietnam's time → an instant with its offset. */
export const fromVietnamInput = (value: string): string | null => (value ? `${value}:00+07:00` : null);
