import type { Locale, Role } from '@/db/schema';

/** Who is acting: resolved once per request from the session, or the system for seeds and scripts. */
export interface Actor {
  /** null for the system (seed, command-line scripts) */
  id: string | null;
  email: string;
  name: string;
  role: Role;
  missionId: number | null;
  missionCode: string | null;
  /** IANA zone that dates are shown in: the mission's, else the directorate's */
  timeZone: string;
  /** countries a region-limited supervisor may see; null = no limit */
  regionCountries: string[] | null;
  regionCode: string | null;
  locale: Locale | null;
  /** head of their mission (officers only) */
  isMissionHead: boolean;
  sessionId: string | null;
  ip: string | null;
}

export const DIRECTORATE_TIME_ZONE = 'Asia/Jakarta';

export const systemActor: Actor = {
  id: null,
  email: 'system',
  name: 'System',
  role: 'admin',
  missionId: null,
  missionCode: null,
  timeZone: DIRECTORATE_TIME_ZONE,
  regionCountries: null,
  regionCode: null,
  locale: null,
  isMissionHead: false,
  sessionId: null,
  ip: null,
};
