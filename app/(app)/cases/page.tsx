import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listCases } from '@/db/queries/cases';
import { isOverdue, listDueSteps, localDate } from '@/db/queries/steps';
import { INCOMING_SHOWN, countIncomingTransfers, listIncomingTransfers } from '@/db/queries/transfers';
import { requirePermission } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { caseClasses, caseStatuses, categoryCodes } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { SEARCH_MAX, readCaseListQuery } from '@/lib/validation/cases';
import { CaseTags } from './_components/case-tags';
import { IncomingTransfers } from './_components/incoming-transfers';
import { TableScroll } from '@/app/_components/ui/table-scroll';
import { DraftsNotice } from '../drafts/_components/drafts-notice';

/** Incoming requests shown when the user asks for all of them: still a bound on one page. */
const INCOMING_ALL = 500;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('title') };
}

/** An officer's home: their mission's cases, searchable and filterable; filters live in the URL. */
export default async function MyCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission('case:read');
  const { params, errors, typedQ } = readCaseListQuery(await searchParams);
  const filter = {
    q: params.q,
    status: (caseStatuses as readonly string[]).includes(params.status ?? '') ? params.status : undefined,
    category: (categoryCodes as string[]).includes(params.category ?? '') ? params.category : undefined,
    caseClass: (caseClasses as readonly string[]).includes(params.caseClass ?? '') ? params.caseClass : undefined,
    assignedToMe: params.mine === '1',
    after: params.after,
  };
  const db = await getDb();
  const today = localDate(actor.timeZone);
  const weekEnd = localDate(actor.timeZone, new Date(Date.now() + 7 * 86_400_000));
  const [t, format, page, due, incoming] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listCases(db, actor, filter),
    listDueSteps(db, actor, weekEnd),
    listIncomingTransfers(db, actor, params.incoming === 'all' ? INCOMING_ALL : INCOMING_SHOWN),
  ]);
  // Counted only when the list is full: usually nothing, or a few, wait.
  const incomingTotal = incoming.length === INCOMING_SHOWN && params.incoming !== 'all' ? await countIncomingTransfers(db, actor) : incoming.length;
  const locale = await getLocale();
  const filtered = !!(filter.q || filter.status || filter.category || filter.caseClass || filter.assignedToMe);
  const nextParams = new URLSearchParams(Object.entries({ ...params, after: page.next ?? '' }).filter(([, v]) => v) as [string, string][]);
  const now = Date.now();
  return (
    <>
      <h1>{t('cases.title')}</h1>
      <div className="toolbar">
        <Link href="/cases/new" className="button">
          {t('cases.new')}
        </Link>
        <Link href="/drafts">{t('drafts.title')}</Link>
      </div>
      {can(actor, 'case:create') && <DraftsNotice actor={actor} />}
      <IncomingTransfers
        transfers={incoming.map(({ requestedAt, requestedByName: _r, caseClass: _c, ...tr }) => ({ ...tr, requestedLabel: format.dateTime(requestedAt, { dateStyle: 'medium' }) }))}
        more={
          incomingTotal > incoming.length ? (
            <p>
              {t('transfers.shownOf', { shown: incoming.length, total: incomingTotal })}{' '}
              <Link href={`/cases?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' && v)), incoming: 'all' })}`}>{t('transfers.showAll')}</Link>
            </p>
          ) : null
        }
      />
      <section aria-labelledby="due-title">
        <h2 id="due-title">{t('steps.dueTitle')}</h2>
        {due.length === 0 ? (
          <p className="muted">{t('steps.noneDue')}</p>
        ) : (
          <ul>
            {due.map((d) => (
              <li key={d.id}>
                <Link href={`/cases/${d.caseId}`} className="mono">
                  {d.reference}
                </Link>{' '}
                {locale === 'id' ? d.labelId : d.labelEn} · {format.dateTime(new Date(`${d.dueDate}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' })}
                {isOverdue(d, today) && (
                  <>
                    {' '}
                    <span className="tag risk-critical">{t('steps.overdue')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form method="get" role="search" className="toolbar" aria-label={t('cases.filters')}>
        <div className="field">
          <label htmlFor="q">{t('cases.search')}</label>
          <p id="q-hint" className="hint">
            {t('cases.searchUndisclosedHint')}
          </p>
          {errors.q && (
            <p id="q-error" className="error-message" role="alert">
              {translateKey(t, errors.q, 'validation.invalid', { max: SEARCH_MAX })}
            </p>
          )}
          <input
            type="search"
            id="q"
            name="q"
            maxLength={SEARCH_MAX}
            defaultValue={typedQ}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? 'q-error q-hint' : 'q-hint'}
          />
        </div>
        <div className="field">
          <label htmlFor="status">{t('cases.status')}</label>
          <select id="status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('cases.any')}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">{t('intake.category')}</label>
          <select id="category" name="category" defaultValue={filter.category ?? ''}>
            <option value="">{t('cases.any')}</option>
            {categoryCodes.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="caseClass">{t('cases.class')}</label>
          <select id="caseClass" name="caseClass" defaultValue={filter.caseClass ?? ''}>
            <option value="">{t('cases.any')}</option>
            {caseClasses.map((c) => (
              <option key={c} value={c}>
                {t(`caseClass.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="checkbox" htmlFor="mine">
            <input type="checkbox" id="mine" name="mine" value="1" defaultChecked={filter.assignedToMe} />
            {t('cases.assignedToMe')}
          </label>
        </div>
        <button type="submit" className="secondary">
          {t('cases.apply')}
        </button>
      </form>
      {page.items.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <>
              <p>{t('cases.noMatch')}</p>
              <Link href="/cases">{t('cases.clearFilters')}</Link>
            </>
          ) : (
            <>
              <p>
                <strong>{t('cases.emptyTitle')}</strong>
              </p>
              <p>{t('cases.emptyBody')}</p>
            </>
          )}
        </div>
      ) : (
        <TableScroll>
          <table className="list">
            <caption className="visually-hidden">{t('cases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.reference')}</th>
                <th scope="col">{t('cases.subject')}</th>
                <th scope="col">{t('intake.category')}</th>
                <th scope="col">{t('cases.state')}</th>
                <th scope="col">{t('cases.assignee')}</th>
                <th scope="col" aria-sort="descending">
                  {t('cases.opened')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td className="mono">
                    <Link href={`/cases/${c.id}`}>{c.reference}</Link>
                  </td>
                  <td>
                    {c.subjectLabel ?? '—'}
                    {c.subjectCount > 1 ? ` ${t('drafts.andOthers', { count: c.subjectCount - 1 })}` : ''}
                  </td>
                  <td>{translateKey(t, `categories.${c.category}`)}</td>
                  <td>
                    <CaseTags status={c.status} caseClass={c.caseClass} riskLevel={c.riskLevel} />
                  </td>
                  <td>{c.assignedOfficerName ?? t('cases.unassigned')}</td>
                  <td>
                    {format.dateTime(c.openedAt, { dateStyle: 'medium' })} · {t('cases.daysOpen', { days: Math.floor((now - c.openedAt.getTime()) / 86_400_000) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {page.next && (
        <p className="pager">
          <Link href={`/cases?${nextParams.toString()}`}>{t('cases.nextPage')}</Link>
        </p>
      )}
    </>
  );
}
