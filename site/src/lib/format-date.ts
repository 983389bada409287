// Vietnamese dates in the commune's time zone: "Thứ Năm, 28/08/2025".
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const longDate = new Intl.DateTimeFormat('vi-VN', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const shortDate = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE });

/** "Thứ Năm, 28/08/2025" */
export const formatLongDate = (iso: string) => longDate.format(new Date(iso));
/** "28/08/2025" */
export const formatShortDate = (iso: string) => shortDate.format(new Date(iso));
/** "Thứ Năm, 28/08/2025, 10:00" */
export const formatDateTime = (iso: string) => `${longDate.format(new Date(iso))}, ${time.format(new Date(iso))}`;
/** A calendar date from the CMS ("2025-12-31") read as a day in Vietnam, not UTC midnight. */
export const formatDay = (day: string) => formatShortDate(`${day.slice(0, 10)}T12:00:00+07:00`);
