import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { type AuditListItem, listAuditEvents, verifyAuditChain } from '@/db/queries/audit';
import { requirePermission } from '@/lib/auth/actor';
import { auditActions } from '@/lib/domain/audit';
import { translateKey } from '@/lib/i18n/dynamic';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';
import { auditQueryString, readAuditQuery } from '@/lib/validation/audit';
import { type Say, fieldLabel, valueText } from './describe';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const PAGE = 50;

/**
 * What the row is about, in words: the case's reference (never a person's identity), the user by
 * name and email, or the kind of record.
 */
function record(say: Say, e: AuditListItem): string {
  const kind = e.entityType ? (say.has(`audit.entities.${e.entityType}`) ? say(`audit.entities.${e.entityType}`) : e.entityType) : '';
  if (e.caseRef) return e.entityType === 'case' ? e.caseRef : say('audit.ofCase', { record: kind, reference: e.caseRef });
  if (e.userEmail) return e.userName ? `${e.userName} (${e.userEmail})` : e.userEmail;
  return kind || '—';
}

/** Who acted: a user by name and role, with the address they signed in with; else the address typed, or the system. */
function who(say: Say, e: AuditListItem) {
  if (e.actorName)
    return (
      <>
        {e.actorName}
        {e.actorRole && say.has(`roles.${e.actorRole}`) ? ` · ${say(`roles.${e.actorRole}`)}` : ''}
        <br />
        <span className="muted">{e.actorEmail}</span>
      </>
    );
  if (e.actorEmail === 'system') return say('audit.system');
  return e.actorEmail ?? '—';
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
  const instant = (at: Date | string) => format.dateTime(new Date(at), { ...DATE_TIME_WITH_ZONE, second: '2-digit' });
  const pairs = (e: AuditListItem) => [
    // A value set where there was none (a record created) is shown alone; a change as before → after.
    ...Object.entries(e.changes ?? {}).map(([field, c]) => {
      const after = valueText(say, e.entityType, field, c.after, instant);
      return { field, text: c.before === null || c.before === undefined ? after : `${valueText(say, e.entityType, field, c.before, instant)} → ${after}` };
    }),
    ...Object.entries(e.details ?? {})
      .filter(([k]) => k !== 'caseId' && (k !== 'refused' || typeof e.details?.refused !== 'string'))
      .map(([field, v]) => ({ field, text: valueText(say, e.entityType, field, v, instant) })),
  ];
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
              {events.map((e) => {
                const shown = pairs(e);
                return (
                  <tr key={e.id}>
                    <td>{instant(e.at)}</td>
                    <td>{who(say, e)}</td>
                    <td>
                      {actionLabel(e.action)}
                      {typeof e.details?.refused === 'string' ? ` (${valueText(say, e.entityType, 'refused', e.details.refused, instant)})` : ''}
                    </td>
                    <td>{record(say, e)}</td>
                    <td>
                      {shown.length ? (
                        <dl className="audit-details">
                          {shown.map(({ field, text }) => (
                            <div key={field}>
                              <dt>{fieldLabel(say, field)}</dt>
                              <dd>{text}</dd>
                            </div>
                          ))}
                        </dl>
                      ) : (
                        '—'
                      )}
                      <details className="technical">
                        <summary>{t('audit.technical')}</summary>
                        <pre className="mono">
                          {JSON.stringify({ id: e.id, action: e.action, entityType: e.entityType, entityId: e.entityId, actorEmail: e.actorEmail, changes: e.changes, details: e.details }, null, 2)}
                        </pre>
                      </details>
                    </td>
                    <td className="mono">{e.ip ?? '—'}</td>
                  </tr>
                );
              })}
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
