import type { MissionKind } from '@/db/schema';

type Translate = (key: string, values?: Record<string, string>) => string;

/** "KBRI Kuala Lumpur" / "Embassy in Kuala Lumpur": the kind is translated, the city is not. */
export function missionName(t: Translate, mission: { kind: MissionKind; city: string }): string {
  return t(`missionKinds.short.${mission.kind}`, { city: mission.city });
}

export function countryName(locale: string, code: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}
