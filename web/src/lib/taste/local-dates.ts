// Runs in browser, worker and Node. Calendar days in the person's time zone: a rating at 23:30 UTC
// belongs to the next day in Berlin and to the same day in New York.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDay(instant: string | number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** Days since 1970-01-01 of a calendar day, for counting consecutive days. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** The Monday that starts the ISO week of a calendar day. */
export function weekStart(day: string): string {
  const n = dayNumber(day);
  const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  return new Date((n - weekday) * 86_400_000).toISOString().slice(0, 10);
}
