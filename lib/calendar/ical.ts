import ical from 'ical-generator';
import type { CalendarHearing } from '@/db/queries/legal';
import { formatLocale, languageOf } from '@/lib/i18n/locale';

export interface FeedLabels {
  /** the calendar's name, e.g. "Payung · hearings JED" */
  calendarName: string;
  /** an event's title for a case reference, e.g. "Hearing JED-2026-00012" */
  summary: (reference: string) => string;
  /** one line with the local time at the court */
  localTime: (local: string, zone: string) => string;
  purpose: string;
  court: string;
}

/**
 * One mission's hearings as an RFC 5545 calendar. Events carry the case reference, court and
 * purpose and never a name: a subscribed calendar is copied to phones and cloud services,
 * and the people in these cases may have a right to stay undisclosed.
 */
export function hearingsCalendar(opts: { hearings: CalendarHearing[]; labels: FeedLabels; locale: string; caseUrl: (caseId: string) => string; now?: Date }): string {
  const { hearings, labels, locale } = opts;
  const calendar = ical({
    name: labels.calendarName,
    prodId: { company: 'Payung', product: 'hearings', language: locale.toUpperCase() },
    // Calendar apps poll at their own pace; this asks for no more than hourly.
    ttl: 60 * 60,
  });
  for (const h of hearings) {
    const local = new Intl.DateTimeFormat(formatLocale(languageOf(locale)), { timeZone: h.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(h.startsAt);
    const url = opts.caseUrl(h.caseId);
    calendar.createEvent({
      id: `hearing-${h.id}@payung`,
      stamp: opts.now ?? new Date(),
      start: h.startsAt,
      // A hearing's length is unknown; an hour keeps it visible in day views.
      end: new Date(h.startsAt.getTime() + 60 * 60_000),
      summary: labels.summary(h.reference),
      location: h.court ?? null,
      description: [labels.localTime(local, h.timeZone), h.purpose && `${labels.purpose}: ${h.purpose}`, h.court && `${labels.court}: ${h.court}`, url].filter(Boolean).join('\n'),
      url,
    });
  }
  return calendar.toString();
}
