import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissions, listRegions } from '@/db/queries/missions';
import type { Actor } from '@/lib/actor';

/** Mission and region pickers for the user form, labelled in the user's language. */
export async function missionAndRegionOptions(actor: Actor) {
  const db = await getDb();
  const [missions, regions, t, locale] = await Promise.all([listMissions(db, actor), listRegions(db), getTranslations(), getLocale()]);
  return {
    missions: missions.filter((m) => m.isActive).map((m) => ({ value: m.code, label: `${m.code} · ${missionName(t as never, m)}` })),
    regions: regions.map((r) => ({ value: r.code, label: locale === 'id' ? r.nameId : r.nameEn })),
  };
}
