import type { MissionKind } from '@/db/schema';

type Translate = (key: string, values?: Record<string, string>) => string;

/** "KBRI Kuala Lumpur" / "Embassy in Kuala Lumpur": the kind is translated, the city is not. */
export function missionName(t: Translate, mission: { kind: MissionKind; city: string }): string {
  return t(`missionKinds.short.${mission.kind}`, { city: mission.city });
}

/** One DisplayNames per locale for the process: making one costs more than naming every country with it. */
const regionNames = new Map<string, Intl.DisplayNames>();

export function countryName(locale: string, code: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names.of(code) ?? code;
}
