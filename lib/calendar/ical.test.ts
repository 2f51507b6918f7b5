import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarHearing } from '@/db/queries/legal';
import { hearingsCalendar } from './ical';

const hearing = (over: Partial<CalendarHearing> = {}): CalendarHearing => ({
  id: crypto.randomUUID(),
  caseId: crypto.randomUUID(),
  reference: 'KUL-2026-00012',
  missionCode: 'KUL',
  startsAt: new Date('2026-12-03T01:30:00Z'),
  timeZone: 'Asia/Kuala_Lumpur',
  court: 'Mahkamah Sesyen, Shah Alam; Bilik 3',
  purpose: 'Mention, bail; plea',
  ...over,
});

const labels = {
  calendarName: 'Payung · sidang KUL (Kuala Lumpur)',
  summary: (r: string) => `Sidang ${r}`,
  localTime: (local: string, zone: string) => `Di pengadilan: ${local} (${zone})`,
  purpose: 'Agenda',
  court: 'Pengadilan',
};

describe('the hearings calendar (RFC 5545)', () => {
  const items = [hearing(), hearing({ reference: 'KUL-2026-00013', startsAt: new Date('2027-01-05T02:00:00Z'), court: null, purpose: 'Putusan — '.repeat(20) })];
  const text = hearingsCalendar({ hearings: items, labels, locale: 'id', caseUrl: (id) => `https://payung.example/cases/${id}`, now: new Date('2026-11-29T08:00:00Z') });

  it('is well-formed: CRLF lines of at most 75 octets, one VCALENDAR with VERSION and PRODID', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.includes('\n'))).toBe(false);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toContain('Payung');
  });

  it('has one event per hearing with UID, DTSTAMP and a UTC start, text escaped and read back intact', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const uids = new Set(events.map((e) => e.getFirstPropertyValue('uid')));
    expect(uids.size).toBe(2);
    for (const e of events) {
      expect(e.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(e.getFirstProperty('dtstart')).toBeTruthy();
    }
    const first = new ICAL.Event(events[0]!);
    expect(first.summary).toBe('Sidang KUL-2026-00012');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-12-03T01:30:00.000Z');
    expect(first.location).toBe('Mahkamah Sesyen, Shah Alam; Bilik 3');
    expect(first.description).toContain('Agenda: Mention, bail; plea');
    expect(first.description).toContain('(Asia/Kuala_Lumpur)');
    expect(first.description).toContain(`https://payung.example/cases/${items[0]!.caseId}`);
    const second = new ICAL.Event(events[1]!);
    expect(second.description).toContain('Putusan — Putusan');
    expect(second.location).toBeFalsy();
  });

  it('is a valid empty calendar when there are no hearings', () => {
    const empty = hearingsCalendar({ hearings: [], labels, locale: 'en', caseUrl: () => '' });
    const cal = new ICAL.Component(ICAL.parse(empty));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  });
});
