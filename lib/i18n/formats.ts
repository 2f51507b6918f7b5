/**
 * A date and time with its zone ("3 Oct 2026, 14:05 GMT+8"), for every time a person may read
 * from another zone than the one it is shown in (a Jakarta supervisor reading a KUL case).
 * Intl allows no zone name beside dateStyle/timeStyle: the parts are named one by one.
 */
export const DATE_TIME_WITH_ZONE = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
