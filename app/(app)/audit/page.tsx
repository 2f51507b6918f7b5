import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { REDACTED, type AuditListItem, listAuditEvents, verifyAuditChain } from '@/db/queries/audit';
import { requirePermission } from '@/lib/auth/actor';
import { auditActions } from '@/lib/domain/audit';
import { translateKey } from '@/lib/i18n/dynamic';
import { auditQueryString, readAuditQuery } from '@/lib/validation/audit';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const PAGE = 50;

/** The translator, for keys made at run time (an action's code, a record's kind). */
type Say = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/** A field name as words: "riskLevel" → "risk level". */
const words = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();

function shown(say: Say, value: unknown): string {
  if (value === REDACTED) return say('audit.redacted');
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => shown(say, v)).join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What the row is about, in words: the case's reference, the user's email, or the kind of record. */
function record(say: Say, e: AuditListItem): string {
  const kind = e.entityType ? (say.has(`audit.entities.${e.entityType}`) ? say(`audit.entities.${e.entityType}`) : e.entityType) : '';
  if (e.caseRef) return e.entityType === 'case' ? e.caseRef : say('audit.ofCase', { record: kind, reference: e.caseRef });
  if (e.userEmail) return e.userEmail;
  return kind || '—';
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('audit:read');
  const { filter, before, errors, typed } = readAuditQuery(await searchParams);
  const db = await getDb();
  const [t, format, { rows: events, unknown }] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listAuditEvents(db, actor, { before, limit: PAGE, filter, timeZone: actor.timeZone }),
  ]);
  const chain = typed.verify ? await verifyAuditChain(db) : null;
  const last = events.at(-1);
  const filtered = Object.keys(filter).length > 0;
  const say = t as unknown as Say;
  const actionLabel = (code: string) => (say.has(`audit.actions.${code}`) ? say(`audit.actions.${code}`) : code);
  const fieldError = (name: 'from' | 'to') =>
    errors[name] && (
      <p id={`${name}-error`} className="error-message" role="alert">
        {translateKey(t, errors[name])}
      </p>
    );
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      {chain ? (
        <p className={chain.ok ? 'notice ok' : 'notice warn'} role="status">
          {chain.ok ? t('audit.chainOk', { count: chain.checked }) : t('audit.chainBroken', { id: chain.brokenAt ?? 0 })}
        </p>
      ) : (
        <p>
          <Link href="/audit?verify=1">{t('audit.verify')}</Link>
        </p>
      )}
      <form method="get" role="search" className="toolbar" aria-label={t('audit.filters')}>
        {(['caseRef', 'pseudonym', 'user'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{say(`audit.${name}`)}</label>
            <input id={name} name={name} defaultValue={typed[name] ?? ''} aria-describedby={`${name}-hint`} autoComplete="off" />
            <p id={`${name}-hint`} className="hint">
              {say(`audit.${name}Hint`)}
            </p>
          </div>
        ))}
        <div className="field">
          <label htmlFor="action">{t('audit.action')}</label>
          <select id="action" name="action" defaultValue={filter.action ?? ''}>
            <option value="">{t('audit.actionAny')}</option>
            <option value="identity_seen">{t('audit.identitySeen')}</option>
            {[...auditActions]
              .map((code) => ({ code, label: actionLabel(code) }))
              .sort((a, b) => a.label.localeCompare(b.label))
              .map(({ code, label }) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
          </select>
        </div>
        {(['from', 'to'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{say(`audit.${name}`)}</label>
            {fieldError(name)}
            <input
              type="date"
              id={name}
              name={name}
              defaultValue={typed[name] ?? ''}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `${name}-error` : undefined}
            />
          </div>
        ))}
        <button type="submit">{t('audit.apply')}</button>
        {filtered && <Link href="/audit">{t('audit.clear')}</Link>}
      </form>
      {unknown ? (
        <p className="notice warn" role="status">
          {say(`audit.unknown_${unknown}`, { value: filter[unknown] ?? '' })}
        </p>
      ) : events.length === 0 ? (
        <div className="empty">{filtered || before ? t('audit.noneFiltered') : t('audit.none')}</div>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('audit.title')} tabIndex={0}>
          <table className="list">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.record')}</th>
                <th scope="col">{t('audit.changes')}</th>
                <th scope="col">{t('audit.address')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td>{e.actorEmail ?? '—'}</td>
                  <td>
                    {actionLabel(e.action)}
                    {e.details?.refused ? ` (${String(e.details.refused)})` : ''}
                  </td>
                  <td>{record(say, e)}</td>
                  <td>
                    {e.changes ? (
                      Object.entries(e.changes).map(([field, c]) => (
                        <div key={field}>
                          {words(field)}: {shown(say, c.before)} → {shown(say, c.after)}
                        </div>
                      ))
                    ) : e.details ? (
                      Object.entries(e.details)
                        .filter(([k]) => k !== 'caseId' && k !== 'refused')
                        .map(([k, v]) => (
                          <div key={k}>
                            {words(k)}: {shown(say, v)}
                          </div>
                        ))
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="mono">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {last && events.length === PAGE && (
        <p className="pager">
          <Link href={`/audit?${auditQueryString(filter, { before: last.id })}`}>{t('audit.older')}</Link>
        </p>
      )}
    </>
  );
}
