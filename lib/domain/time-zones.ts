import { getCountry } from 'countries-and-timezones';

export interface ZoneOption {
  value: string;
  label: string;
}

/** "GMT+8" for a zone at an instant, as Intl names its offset. */
function offsetName(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The time zones a court of a mission's country can sit in (from the IANA database by country),
 * with the zones given first (the mission's own, a proceeding's current one) whether or not the
 * country lists them: "Kuala Lumpur (GMT+8)", valued by the IANA name the app stores.
 */
export function countryZoneOptions(country: string, first: string[], at = new Date()): ZoneOption[] {
  const zones = [...new Set([...first.filter(Boolean), ...(getCountry(country.toUpperCase())?.timezones ?? [])])];
  return zones.map((zone) => ({ value: zone, label: `${zone.split('/').at(-1)!.replace(/_/g, ' ')} (${offsetName(zone, at)})` }));
}
