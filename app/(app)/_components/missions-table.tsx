import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { countryName, missionName } from '@/app/_components/mission-name';
import type { MissionListItem } from '@/db/queries/missions';

/** Missions with their local time: officers and supervisors work across many time zones. */
export async function MissionsTable({ missions, caption }: { missions: MissionListItem[]; caption: string }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const now = new Date();
  return (
    <table className="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('missions.code')}</th>
          <th scope="col">{t('missions.name')}</th>
          <th scope="col">{t('missions.country')}</th>
          <th scope="col">{t('missions.localTime')}</th>
        </tr>
      </thead>
      <tbody>
        {missions.map((m) => (
          <tr key={m.id}>
            <td className="mono">{m.code}</td>
            <td>{missionName(t as never, m)}</td>
            <td>{countryName(locale, m.country)}</td>
            <td>
              {format.dateTime(now, { timeZone: m.timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
