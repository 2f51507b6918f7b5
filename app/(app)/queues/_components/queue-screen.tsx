import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { countryName, missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listMissionsInScope, listRegions } from '@/db/queries/missions';
import { countQueue, listQueue } from '@/db/queries/queues';
import { localDate } from '@/db/queries/steps';
import { listOfficersInScope } from '@/db/queries/users';
import type { Actor } from '@/lib/actor';
import { can } from '@/lib/authz';
import { caseClasses, caseStatuses, categories, categoryCodes, riskLevels } from '@/lib/domain/cases';
import { COUNT_CAP, type QueueSort, type QueueView } from '@/lib/domain/queues';
import { translateKey } from '@/lib/i18n/dynamic';
import { FILTER_KEYS, type QueueFilter, parseQueueQuery, queueQueryString } from '@/lib/validation/queues';
import { QueueTable, type QueueRow } from './queue-table';
import { SaveViewForm } from './save-view-form';

type Params = Record<string, string | string[] | undefined>;

/**
 * One queue (or all open cases) for a supervisor: filters in the URL, a count, the rows with
 * sortable columns, bulk actions on a selection, and keyset paging.
 */
export async function QueueScreen({ actor, view, params }: { actor: Actor; view?: QueueView; params: Params }) {
  const { filter, problems } = parseQueueQuery(params, view);
  const db = await getDb();
  const now = new Date();
  const [t, format, locale, missions, regions, officers, page, count] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    listMissionsInScope(db, actor),
    actor.regionCountries ? Promise.resolve([]) : listRegions(db),
    listOfficersInScope(db, actor),
    listQueue(db, actor, filter, now),
    countQueue(db, actor, filter, now),
  ]);
  const path = view ? `/queues/${view}` : '/queues';
  const href = (over: Partial<Record<keyof QueueFilter, string | boolean | undefined>>) => {
    const q = queueQueryString(filter, { after: undefined, ...over });
    return q ? `${path}?${q}` : path;
  };
  const title = view ? t(`queues.names.${view}`) : t('queues.allOpen');
  const rule = view ? t(`queues.rules.${view}`) : t('queues.allOpenRule');
  const filtered = FILTER_KEYS.some((k) => filter[k] !== undefined);
  const countries = [...new Set(missions.map((m) => m.country))].sort();
  const today = localDate(actor.timeZone, now);
  const rows: QueueRow[] = page.items.map((c) => ({
    id: c.id,
    version: c.version,
    reference: c.reference,
    subject: `${c.subjectLabel ?? '—'}${c.subjectCount > 1 ? ` ${t('drafts.andOthers', { count: c.subjectCount - 1 })}` : ''}`,
    category: translateKey(t, `categories.${c.category}`),
    status: translateKey(t, `statuses.${c.status}`),
    caseClass: c.caseClass,
    classLabel: translateKey(t, `caseClass.${c.caseClass}`),
    riskLevel: c.riskLevel,
    riskLabel: translateKey(t, `risk.${c.riskLevel}`),
    missionCode: c.missionCode,
    assignee: c.assignedOfficerName,
    opened: format.dateTime(c.openedAt, { dateStyle: 'medium' }),
    lastActivity: format.dateTime(c.lastActivityAt, { dateStyle: 'medium' }),
    due: c.nextDueOn ? format.dateTime(new Date(`${c.nextDueOn}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' }) : null,
    isOverdue: !!c.overdueFrom && c.overdueFrom < today,
  }));
  const sortLinks = Object.fromEntries(
    (['opened', 'activity', 'due', 'risk'] as QueueSort[]).map((s) => [s, { href: href({ sort: s, dir: filter.sort === s && filter.dir === 'asc' ? 'desc' : 'asc' }), active: filter.sort === s ? filter.dir : null }]),
  ) as Record<QueueSort, { href: string; active: 'asc' | 'desc' | null }>;
  const select = (name: keyof QueueFilter, label: string, options: [string, string][], anyLabel = t('queues.any')) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={String(filter[name] ?? '')}>
        <option value="">{anyLabel}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{rule}</p>
      <details className="filters" open={filtered || problems.length > 0}>
        <summary>{t('queues.filters')}</summary>
        <form method="get" action={path} role="search" aria-label={t('queues.filters')}>
          <div className="filter-grid">
            {select('mission', t('queues.mission'), missions.map((m) => [m.code, `${m.code} · ${missionName(t as never, m)}`]))}
            {countries.length > 1 && select('country', t('queues.country'), countries.map((c) => [c, countryName(locale, c)]))}
            {regions.length > 0 && select('region', t('queues.region'), regions.map((r) => [r.code, locale === 'id' ? r.nameId : r.nameEn]))}
            {select('category', t('queues.category'), categoryCodes.map((c) => [c, translateKey(t, `categories.${c}`)]))}
            {select(
              'subcategory',
              t('queues.subcategory'),
              (filter.category ? [...categories[filter.category as keyof typeof categories]] : [...new Set(Object.values(categories).flat())]).map((s) => [s, translateKey(t, `subcategories.${s}`, s)]),
            )}
            {select('caseClass', t('queues.class'), caseClasses.map((c) => [c, translateKey(t, `caseClass.${c}`)]))}
            {select('status', t('queues.status'), caseStatuses.map((s) => [s, translateKey(t, `statuses.${s}`)]), view ? t('queues.any') : t('queues.statusOpen'))}
            {select('risk', t('queues.risk'), riskLevels.map((r) => [r, translateKey(t, `risk.${r}`)]))}
            {select('officer', t('queues.officer'), [['none', t('queues.unassigned')], ...officers.map((o): [string, string] => [o.id, `${o.name} (${o.missionCode})`])])}
            <div className="field">
              <label htmlFor="f-openedFrom">{t('queues.openedFrom')}</label>
              <input type="date" id="f-openedFrom" name="openedFrom" defaultValue={filter.openedFrom ?? ''} />
            </div>
            <div className="field">
              <label htmlFor="f-openedTo">{t('queues.openedTo')}</label>
              <input type="date" id="f-openedTo" name="openedTo" defaultValue={filter.openedTo ?? ''} />
            </div>
          </div>
          <div className="checkboxes">
            <label className="checkbox" htmlFor="f-child">
              <input type="checkbox" id="f-child" name="child" value="1" defaultChecked={filter.child} />
              {t('queues.child')}
            </label>
            <label className="checkbox" htmlFor="f-detained">
              <input type="checkbox" id="f-detained" name="detained" value="1" defaultChecked={filter.detained} />
              {t('queues.detained')}
            </label>
          </div>
          {filter.sort !== 'opened' && <input type="hidden" name="sort" value={filter.sort} />}
          {filter.dir === 'desc' && <input type="hidden" name="dir" value="desc" />}
          <div className="actions">
            <button type="submit" className="secondary">
              {t('queues.apply')}
            </button>
            {filtered && <Link href={path}>{t('queues.clear')}</Link>}
          </div>
        </form>
      </details>
      {problems.length > 0 && (
        <p className="notice warn" role="alert">
          {t('queues.ignored', { fields: problems.map((p) => translateKey(t, `queues.${p === 'caseClass' ? 'class' : p}`, p)).join(', ') })}
        </p>
      )}
      <SaveViewForm path={path} query={queueQueryString({ ...filter, after: undefined })} />
      <p role="status" aria-live="polite">
        {count.capped ? t('queues.countCapped', { count: COUNT_CAP }) : t('queues.count', { count: count.count })}
      </p>
      {can(actor, 'case:export') && count.count > 0 && (
        <p>
          <Link href={`/exports/case-list?${new URLSearchParams([...(view ? [['view', view]] : []), ...new URLSearchParams(queueQueryString({ ...filter, after: undefined }))]).toString()}`}>
            {t('exports.exportList')}
          </Link>
        </p>
      )}
      {rows.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <>
              <p>{t('queues.empty')}</p>
              <Link href={path}>{t('queues.clear')}</Link>
            </>
          ) : (
            <p>{t('queues.emptyView', { rule: view ? rule : '' })}</p>
          )}
        </div>
      ) : (
        <QueueTable caption={title} rows={rows} sortLinks={sortLinks} officers={officers} />
      )}
      <p className="pager">
        {filter.after && <Link href={href({})}>{t('queues.firstPage')}</Link>}{' '}
        {page.next && <Link href={href({ after: page.next })}>{t('queues.nextPage')}</Link>}
      </p>
    </>
  );
}
