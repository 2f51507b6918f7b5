import { sql } from 'drizzle-orm';
import { systemActor } from '@/lib/actor';
import { DEMO_PASSWORD } from '@/lib/auth/password';
import type { MissionKind, Role } from './schema';
import { missions, regions } from './schema';
import type { Db } from './index';
import { appendAudit } from './queries/audit';
import { createMission } from './queries/missions';
import { createUser } from './queries/users';

/**
 * The home ministry's missions where most cases come from, coded by the IATA code of
 * their city (how imports, reports and scripts name a mission).
 */
export const DEMO_MISSIONS: { code: string; kind: MissionKind; country: string; city: string; timeZone: string }[] = [
  { code: 'KUL', kind: 'embassy', country: 'MY', city: 'Kuala Lumpur', timeZone: 'Asia/Kuala_Lumpur' },
  { code: 'JHB', kind: 'consulate_general', country: 'MY', city: 'Johor Bahru', timeZone: 'Asia/Kuala_Lumpur' },
  { code: 'PEN', kind: 'consulate_general', country: 'MY', city: 'Penang', timeZone: 'Asia/Kuala_Lumpur' },
  { code: 'KCH', kind: 'consulate_general', country: 'MY', city: 'Kuching', timeZone: 'Asia/Kuching' },
  { code: 'BKI', kind: 'consulate_general', country: 'MY', city: 'Kota Kinabalu', timeZone: 'Asia/Kuching' },
  { code: 'TWU', kind: 'consulate', country: 'MY', city: 'Tawau', timeZone: 'Asia/Kuching' },
  { code: 'SIN', kind: 'embassy', country: 'SG', city: 'Singapore', timeZone: 'Asia/Singapore' },
  { code: 'BWN', kind: 'embassy', country: 'BN', city: 'Bandar Seri Begawan', timeZone: 'Asia/Brunei' },
  { code: 'RUH', kind: 'embassy', country: 'SA', city: 'Riyadh', timeZone: 'Asia/Riyadh' },
  { code: 'JED', kind: 'consulate_general', country: 'SA', city: 'Jeddah', timeZone: 'Asia/Riyadh' },
  { code: 'AUH', kind: 'embassy', country: 'AE', city: 'Abu Dhabi', timeZone: 'Asia/Dubai' },
  { code: 'DXB', kind: 'consulate_general', country: 'AE', city: 'Dubai', timeZone: 'Asia/Dubai' },
  { code: 'DOH', kind: 'embassy', country: 'QA', city: 'Doha', timeZone: 'Asia/Qatar' },
  { code: 'KWI', kind: 'embassy', country: 'KW', city: 'Kuwait City', timeZone: 'Asia/Kuwait' },
  { code: 'AMM', kind: 'embassy', country: 'JO', city: 'Amman', timeZone: 'Asia/Amman' },
  { code: 'HKG', kind: 'consulate_general', country: 'HK', city: 'Hong Kong', timeZone: 'Asia/Hong_Kong' },
  { code: 'TPE', kind: 'economic_trade_office', country: 'TW', city: 'Taipei', timeZone: 'Asia/Taipei' },
  { code: 'SEL', kind: 'embassy', country: 'KR', city: 'Seoul', timeZone: 'Asia/Seoul' },
  { code: 'TYO', kind: 'embassy', country: 'JP', city: 'Tokyo', timeZone: 'Asia/Tokyo' },
  { code: 'OSA', kind: 'consulate_general', country: 'JP', city: 'Osaka', timeZone: 'Asia/Tokyo' },
  { code: 'CBR', kind: 'embassy', country: 'AU', city: 'Canberra', timeZone: 'Australia/Sydney' },
  { code: 'SYD', kind: 'consulate_general', country: 'AU', city: 'Sydney', timeZone: 'Australia/Sydney' },
  { code: 'PER', kind: 'consulate', country: 'AU', city: 'Perth', timeZone: 'Australia/Perth' },
  { code: 'DRW', kind: 'consulate', country: 'AU', city: 'Darwin', timeZone: 'Australia/Darwin' },
  { code: 'BKK', kind: 'embassy', country: 'TH', city: 'Bangkok', timeZone: 'Asia/Bangkok' },
  { code: 'PNH', kind: 'embassy', country: 'KH', city: 'Phnom Penh', timeZone: 'Asia/Phnom_Penh' },
  { code: 'MNL', kind: 'embassy', country: 'PH', city: 'Manila', timeZone: 'Asia/Manila' },
  { code: 'DVO', kind: 'consulate_general', country: 'PH', city: 'Davao', timeZone: 'Asia/Manila' },
  { code: 'HAN', kind: 'embassy', country: 'VN', city: 'Hanoi', timeZone: 'Asia/Ho_Chi_Minh' },
];

export const DEMO_REGIONS = [
  { code: 'malaysia_singapore_brunei', nameEn: 'Malaysia, Singapore and Brunei', nameId: 'Malaysia, Singapura dan Brunei', countries: ['MY', 'SG', 'BN'] },
  { code: 'middle_east', nameEn: 'Middle East', nameId: 'Timur Tengah', countries: ['SA', 'AE', 'QA', 'KW', 'JO'] },
  { code: 'east_asia', nameEn: 'East Asia', nameId: 'Asia Timur', countries: ['HK', 'TW', 'KR', 'JP'] },
  { code: 'southeast_asia', nameEn: 'Mainland Southeast Asia and the Philippines', nameId: 'Asia Tenggara daratan dan Filipina', countries: ['TH', 'KH', 'PH', 'VN'] },
  { code: 'australia', nameEn: 'Australia', nameId: 'Australia', countries: ['AU'] },
];

/** The Kuala Lumpur and Perth officers head their missions' consular sections (they lock months); Jeddah's does not. */
export const DEMO_USERS: { email: string; name: string; role: Role; missionCode?: string; regionCode?: string; isMissionHead?: boolean }[] = [
  { email: 'admin@payung.test', name: 'Admin Payung', role: 'admin' },
  // a second administrator: supervisor and admin roles need one to confirm them
  { email: 'admin2@payung.test', name: 'Dewi Kartika', role: 'admin' },
  { email: 'supervisor@payung.test', name: 'Ratna Wijaya', role: 'supervisor' },
  { email: 'auditor@payung.test', name: 'Bambang Sutrisno', role: 'auditor' },
  { email: 'officer.kul@payung.test', name: 'Siti Rahmawati', role: 'officer', missionCode: 'KUL', isMissionHead: true },
  { email: 'officer.jed@payung.test', name: 'Ahmad Fauzi', role: 'officer', missionCode: 'JED' },
  { email: 'officer.per@payung.test', name: 'Dewi Lestari', role: 'officer', missionCode: 'PER', isMissionHead: true },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(missions);
  return (row?.n ?? 0) === 0;
}

/** Fills an empty database with the reference missions, regions and demo accounts, in one transaction. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(regions).values(DEMO_REGIONS);
    for (const m of DEMO_MISSIONS) {
      await createMission(tx, systemActor, { ...m, coveredCountries: m.country, isActive: true });
    }
    for (const u of DEMO_USERS) {
      await createUser(
        tx,
        systemActor,
        { ...u, missionCode: u.missionCode ?? '', regionCode: u.regionCode ?? '', locale: '', isMissionHead: u.isMissionHead ?? false },
        { password: DEMO_PASSWORD, isDemoPassword: true },
      );
    }
    await appendAudit(tx, systemActor, {
      action: 'system.seed_demo',
      details: { missions: DEMO_MISSIONS.length, regions: DEMO_REGIONS.length, users: DEMO_USERS.length },
    });
  });
}
