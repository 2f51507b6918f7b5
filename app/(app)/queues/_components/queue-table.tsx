'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import { riskLevels } from '@/lib/domain/cases';
import type { QueueSort } from '@/lib/domain/queues';
import { translateKey } from '@/lib/i18n/dynamic';
import { bulkActionSchema } from '@/lib/validation/queues';
import { bulkUpdateAction } from '../actions';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export interface QueueRow {
  id: string;
  version: number;
  reference: string;
  subject: string;
  category: string;
  status: string;
  caseClass: string;
  classLabel: string;
  riskLevel: string;
  riskLabel: string;
  missionCode: string;
  assignee: string | null;
  opened: string;
  lastActivity: string;
  due: string | null;
  isOverdue: boolean;
}

type SortLinks = Record<QueueSort, { href: string; active: 'asc' | 'desc' | null }>;
type Refusal = { id: string; reference: string | null; reason: string };

/** The queue's rows with a selection, and what can be done to the selection at once. */
export function QueueTable({ caption, rows, sortLinks, officers }: { caption: string; rows: QueueRow[]; sortLinks: SortLinks; officers: { id: string; name: string; missionCode: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const chosen = rows.filter((r) => selected.has(r.id));
  const missionsChosen = new Set(chosen.map((r) => r.missionCode));
  // One mission selected: offer its officers only; several: every officer, and the server says which cases do not fit.
  const officerChoices = missionsChosen.size === 1 ? officers.filter((o) => missionsChosen.has(o.missionCode)) : officers;

  const { form, onSubmit, summaryRef, summaryItems, fieldError, formError } = useActionForm({
    schema: bulkActionSchema,
    defaultValues: { action: 'assign', cases: [], officerId: '', riskLevel: '', text: '' } as never,
    action: bulkUpdateAction,
    labels: { cases: t('queues.selected', { count: selected.size }), officerId: t('queues.bulk.officer'), riskLevel: t('queues.bulk.riskLevel'), text: t('queues.bulk.text') },
    onSuccess: (data) => {
      const { references } = data as { references: string[] };
      setDone(t('queues.bulk.done', { count: references.length, references: references.join(', ') }));
      setSelected(new Set());
      form.reset({ action: form.getValues('action'), cases: [], officerId: '', riskLevel: '', text: '' } as never);
      router.refresh();
    },
  });
  const action = form.watch('action') as 'assign' | 'risk' | 'note';
  const refused = (formError?.details?.refused as Refusal[] | undefined) ?? [];

  const toggle = (id: string, on: boolean) => {
    setDone(null);
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const submit = (e: React.FormEvent) => {
    form.setValue('cases' as never, chosen.map((r) => ({ id: r.id, version: r.version })) as never);
    return onSubmit(e);
  };
  const sortHeader = (sort: QueueSort, label: string) => {
    const s = sortLinks[sort];
    return (
      <th scope="col" aria-sort={s.active === 'asc' ? 'ascending' : s.active === 'desc' ? 'descending' : undefined}>
        <Link href={s.href} aria-label={t('queues.sortBy', { column: label })}>
          {label}
          {s.active === 'asc' ? ' ▲' : s.active === 'desc' ? ' ▼' : ''}
        </Link>
      </th>
    );
  };

  return (
    <>
      <form method="post" onSubmit={submit} noValidate aria-label={t('queues.bulk.title')} className="bulk-bar">
        <ErrorSummary ref={summaryRef} items={summaryItems} />
        {refused.length > 0 && (
          <div className="notice warn" role="alert">
            <p>{t('queues.bulk.refusedTitle')}</p>
            <ul>
              {refused.map((r) => (
                <li key={r.id}>
                  {r.reference && <span className="mono">{r.reference}</span>}
                  {r.reference ? ': ' : ''}
                  {translateKey(t, `queues.bulk.reasons.${r.reason}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div role="status">{done && <p className="notice ok">{done}</p>}</div>
        <p>
          <strong>{t('queues.selected', { count: selected.size })}</strong>
        </p>
        <div className="toolbar">
          <Field id="bulk-action" label={t('queues.bulk.action')}>
            {(aria) => (
              <select {...aria} {...form.register('action')}>
                <option value="assign">{t('queues.bulk.assign')}</option>
                <option value="risk">{t('queues.bulk.risk')}</option>
                <option value="note">{t('queues.bulk.note')}</option>
              </select>
            )}
          </Field>
          {action === 'assign' && (
            <Field id="bulk-officer" label={t('queues.bulk.officer')} hint={t('queues.bulk.officerHint')} error={fieldError('officerId')}>
              {(aria) => (
                <select {...aria} {...form.register('officerId' as never)}>
                  <option value="">—</option>
                  {officerChoices.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({o.missionCode})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {action === 'risk' && (
            <Field id="bulk-risk" label={t('queues.bulk.riskLevel')} error={fieldError('riskLevel')}>
              {(aria) => (
                <select {...aria} {...form.register('riskLevel' as never)}>
                  <option value="">—</option>
                  {riskLevels.map((r) => (
                    <option key={r} value={r}>
                      {t(`risk.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {action === 'note' && (
            <Field id="bulk-text" label={t('queues.bulk.text')} error={fieldError('text')}>
              {(aria) => <textarea rows={2} {...aria} {...form.register('text' as never)} />}
            </Field>
          )}
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('queues.bulk.apply', { count: selected.size })}
          </button>
        </div>
      </form>
      <TableScroll>
        <table className="list queue">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label={t('queues.selectAll')} checked={allOn} onChange={(e) => rows.forEach((r) => toggle(r.id, e.target.checked))} />
              </th>
              <th scope="col">{t('queues.reference')}</th>
              <th scope="col">{t('queues.subject')}</th>
              <th scope="col">{t('queues.category')}</th>
              <th scope="col">{t('queues.status')}</th>
              {sortHeader('risk', t('queues.risk'))}
              <th scope="col">{t('queues.mission')}</th>
              <th scope="col">{t('queues.assignee')}</th>
              {sortHeader('opened', t('queues.opened'))}
              {sortHeader('activity', t('queues.lastActivity'))}
              {sortHeader('due', t('queues.due'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={selected.has(r.id) ? 'selected' : undefined}>
                <td>
                  <input type="checkbox" aria-label={t('queues.select', { reference: r.reference })} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                </td>
                <td className="mono">
                  <Link href={`/cases/${r.id}`}>{r.reference}</Link>
                </td>
                <td>{r.subject}</td>
                <td>{r.category}</td>
                <td>
                  <span className="tag status">{r.status}</span> <span className={r.caseClass === 'special' ? 'tag special' : 'tag'}>{r.classLabel}</span>
                </td>
                <td>
                  <span className={`tag risk-${r.riskLevel}`}>{r.riskLabel}</span>
                </td>
                <td className="mono">{r.missionCode}</td>
                <td>{r.assignee ?? t('queues.unassigned')}</td>
                <td>{r.opened}</td>
                <td>{r.lastActivity}</td>
                <td>
                  {r.due ?? '—'}
                  {r.isOverdue && (
                    <>
                      {' '}
                      <span className="tag risk-critical">{t('steps.overdue')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
