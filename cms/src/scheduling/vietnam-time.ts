// Times are stored as instants and read by people in Asia/Ho_Chi_Minh (UTC+7, no daylight time),
// with a four-digit year: vi-VN's short date style gives "2/1/99" in Chromium. Pure, so the
// admin panel's bundle uses it too.
const format = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "08:00 01/09/2025", as an editor in Vietnam reads it. */
export const vietnamTime = (at: Date | string): string => format.format(typeof at === 'string' ? new Date(at) : at).replace(',', '');
