import { createTranslator } from 'next-intl';
import { getDb } from '@/db';
import { readFeed } from '@/db/queries/calendar-feeds';
import { hearingsCalendar } from '@/lib/calendar/ical';
import { DEFAULT_LOCALE, formatLocale } from '@/lib/i18n/locale';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';

export const dynamic = 'force-dynamic';

/**
 * A mission's hearings for calendar apps, at a secret address (`/api/calendar/<token>.ics`).
 * There is no session here: the token is the credential, checked with its owner's current
 * rights on every fetch. Anything wrong answers the same 404, so addresses cannot be probed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const { feed } = await params;
  const token = feed.replace(/\.ics$/, '');
  const content = await readFeed(await getDb(), token);
  if (!content) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const locale = content.locale ?? DEFAULT_LOCALE;
  const t = createTranslator({ locale: formatLocale(locale), messages: locale === 'en' ? en : id, namespace: 'calendar.feed' });
  const origin = process.env.NEXTAUTH_URL?.replace(/\/$/, '') ?? new URL(request.url).origin;
  const body = hearingsCalendar({
    hearings: content.hearings,
    locale,
    caseUrl: (caseId) => `${origin}/cases/${caseId}`,
    labels: {
      calendarName: t('name', { mission: content.mission.code, city: content.mission.city }),
      summary: (reference) => t('summary', { reference }),
      localTime: (local, zone) => t('localTime', { local, zone }),
      purpose: t('purpose'),
      court: t('court'),
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="payung-hearings-${content.mission.code}.ics"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
