import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { countryName, missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { listCaseEvents } from '@/db/queries/case-timeline';
import { listDocuments } from '@/db/queries/documents';
import { getLegalTrack } from '@/db/queries/legal';
import { getAgeClaims } from '@/db/queries/age-claims';
import { getMoney } from '@/db/queries/money';
import { listMissions } from '@/db/queries/missions';
import { listMissionOfficers } from '@/db/queries/users';
import { listConsentsAndReferrals, listPartnerAgencies } from '@/db/queries/referrals';
import { getPendingTransfer } from '@/db/queries/transfers';
import { isOverdue, listStepTemplates, listSteps, localDate } from '@/db/queries/steps';
import { requirePermission } from '@/lib/auth/actor';
import { can } from '@/lib/authz';
import { translateKey } from '@/lib/i18n/dynamic';
import { visitIntervals } from '@/lib/domain/cases';
import { type AttentionItem, caseAttention, sectionsNeedingAttention, urgencyOf } from '@/lib/domain/case-attention';
import { SummaryRow } from '@/app/_components/ui/summary-row';
import { CaseTags } from '../_components/case-tags';
import { AssessmentSection } from './_components/assessment-section';
import { CaseSection, SectionLink } from './_components/case-section';
import { DetailsSection } from './_components/details-section';
import { DocumentList, DocumentUpload } from './_components/documents-section';
import { FocusHere } from '@/app/_components/ui/focus-here';
import { countryZoneOptions } from '@/lib/domain/time-zones';
import { LegalSection } from './_components/legal-section';
import { AgeClaimsSection } from './_components/age-claims-section';
import { MoneySection } from './_components/money-section';
import { NoteForm } from './_components/note-form';
import { ReferralsSection } from './_components/referrals-section';
import { AddParty, EditParty } from './_components/party-form';
import { RevealIdentity } from './_components/reveal-identity';
import { StatusSection } from './_components/status-section';
import { StepsSection } from './_components/steps-section';
import { TransferSection } from './_components/transfer-section';
import { Timeline } from './_components/timeline';
import { loadCase } from './load-case';
import { DATE_TIME_WITH_ZONE } from '@/lib/i18n/formats';


export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const file = await loadCase((await params).id);
  // The reference only: a title never names a person.
  return { title: file?.reference ?? (await getTranslations('notFound'))('title') };
}

export default async function CaseFilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePermission('case:read');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const file = await loadCase(id);
  if (!file) notFound();
  // Every section in one round trip (the templates are offered only while the case has no steps).
  const [t, format, locale, events, docs, steps, { consents, referrals }, partners, pendingTransfer, allMissions, officers, legal, ageClaims, money, categoryTemplates] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    listCaseEvents(db, file.id),
    listDocuments(db, file.id),
    listSteps(db, file.id),
    listConsentsAndReferrals(db, file.id),
    listPartnerAgencies(db),
    getPendingTransfer(db, file.id),
    listMissions(db, actor),
    listMissionOfficers(db, actor, file.missionId),
    getLegalTrack(db, file.id),
    getAgeClaims(db, file.id),
    getMoney(db, file.id),
    listStepTemplates(db, file.category),
  ]);
  const amount = (value: string, currency: string) => format.number(Number(value), { style: 'currency', currency });
  const dateLabel = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
  const otherMissions = allMissions.filter((m) => m.isActive && m.id !== file.missionId).map((m) => ({ value: m.code, label: `${m.code} · ${missionName(t as never, m)}` }));
  // The query leaves out file names on a case with an undisclosed identity (shownFileName).
  const documentNamesHidden = file.parties.some((p) => p.isIdentityUndisclosed);
  const partyOptions = file.parties.map((p) => ({ id: p.id, label: p.isIdentityUndisclosed || !p.fullName ? p.pseudonym : `${p.pseudonym} · ${p.fullName}` }));
  const templates = steps.length === 0 ? categoryTemplates : [];
  const today = localDate(file.missionTimeZone);
  const zone = { timeZone: file.missionTimeZone };
  const daysOpen = Math.floor((Date.now() - file.openedAt.getTime()) / 86_400_000);
  const subjects = file.parties.filter((p) => p.role === 'subject');
  const others = file.parties.filter((p) => p.role !== 'subject');
  const canEdit = can(actor, 'case:update') && file.status !== 'closed';
  const hearingWhen = (h: { startsAt: Date; timeZone: string }) => format.dateTime(h.startsAt, { timeZone: h.timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const detentionRows = legal.detentions.map((d) => ({ ...d, interval: visitIntervals(d.detainedSince, d.visits.map((v) => v.visitedOn), today) }));
  const hearingRows = legal.proceedings.flatMap((p) => p.hearings.map((h) => ({ ...h, pseudonym: p.pseudonym })));
  const nextHearing = hearingRows.filter((h) => h.startsAt.getTime() > Date.now()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  const attention = caseAttention({
    today,
    now: new Date(),
    status: file.status,
    steps: steps.map((s) => ({ label: locale === 'id' ? s.labelId : s.labelEn, status: s.status, dueDate: s.dueDate, graceDays: s.graceDays })),
    hasStepsToPlan: canEdit && templates.length > 0,
    assessmentEmpty: canEdit && !!file.assessment && file.assessment.acts.length + file.assessment.means.length + file.assessment.purposes.length === 0,
    hearings: hearingRows.map((h) => ({ pseudonym: h.pseudonym, startsAt: h.startsAt, timeZone: h.timeZone, outcome: h.outcome, dayOf: localDate(file.missionTimeZone, h.startsAt) })),
    detentions: detentionRows.map((d) => ({ pseudonym: d.pseudonym, daysSinceLast: d.interval.daysSinceLast, isOverdue: d.interval.isOverdue, visited: d.visits.length > 0 })),
    ageClaims: ageClaims.map((c) => ({ pseudonym: c.pseudonym, status: c.status, isStale: c.isStale })),
    pendingTransfer,
  });
  const opens = sectionsNeedingAttention(attention);
  const sectionTitles = {
    people: t('caseFile.parties'),
    assessment: t('caseFile.assessment'),
    steps: t('steps.title'),
    details: t('caseFile.details'),
    legal: t('legal.title'),
    'age-claims': t('age.title'),
    money: t('money.title'),
    referrals: t('referrals.title'),
    documents: t('documents.title'),
    'case-status': t('status.title'),
  } as const;
  const attentionText = (item: AttentionItem) => {
    switch (item.kind) {
      case 'stepOverdue':
        return t('caseFile.todo.stepOverdue', { label: item.label, days: item.days });
      case 'stepDue':
        return item.days < 0 ? t('caseFile.todo.stepInGrace', { label: item.label, days: -item.days }) : t('caseFile.todo.stepDue', { label: item.label, days: item.days });
      case 'stepsToPlan':
      case 'assessmentEmpty':
      case 'closureWaiting':
        return t(`caseFile.todo.${item.kind}`);
      case 'visitOverdue':
        return t('caseFile.todo.visitOverdue', { pseudonym: item.pseudonym, days: item.days, visited: String(item.visited) });
      case 'hearingOutcome':
        return t('caseFile.todo.hearingOutcome', { pseudonym: item.pseudonym, when: hearingWhen(item) });
      case 'hearingSoon':
        return t('caseFile.todo.hearingSoon', { pseudonym: item.pseudonym, days: item.days, when: hearingWhen(item) });
      case 'ageClaimOpen':
        return t('caseFile.todo.ageClaimOpen', { pseudonym: item.pseudonym, status: translateKey(t, `age.statuses.${item.status}`), stale: String(item.stale) });
      case 'transferWaiting':
        return t('caseFile.todo.transferWaiting', { mission: item.toMissionCode });
    }
  };
  const openSteps = steps.filter((s) => s.status === 'planned' || s.status === 'in_progress').length;
  const overdueSteps = steps.filter((s) => isOverdue(s, today)).length;
  const openClaims = attention.filter((i) => i.kind === 'ageClaimOpen').length;
  const sectionStatus = {
    people: t('caseFile.sectionStatus.people', { subjects: subjects.length, others: others.length }),
    assessment: file.assessment && t(file.assessment.elementsMet ? 'caseFile.sectionStatus.assessmentMet' : 'caseFile.sectionStatus.assessmentNotMet'),
    steps: steps.length === 0 && templates.length > 0 && canEdit ? t('caseFile.sectionStatus.stepsProposed') : t('caseFile.sectionStatus.steps', { total: steps.length, open: openSteps, overdue: overdueSteps }),
    details: [translateKey(t, `channels.${file.intakeChannel}`), file.eventsPlace].filter(Boolean).join(' · '),
    legal: [t('caseFile.sectionStatus.legal', { proceedings: legal.proceedings.length, detentions: legal.detentions.length }), nextHearing && t('caseFile.sectionStatus.nextHearing', { when: hearingWhen(nextHearing) })].filter(Boolean).join(' · '),
    'age-claims': t('caseFile.sectionStatus.ageClaims', { total: ageClaims.length, open: openClaims }),
    money: t('caseFile.sectionStatus.money', { claims: money.claims.length, recovered: amount(money.recoveredHome, 'IDR') }),
    referrals: t('caseFile.sectionStatus.referrals', { consents: consents.length, referrals: referrals.length }),
    documents: t('caseFile.sectionStatus.documents', { count: docs.length }),
  };
  const shownSections = (['people', 'assessment', 'steps', 'details', 'legal', 'age-claims', 'money', 'referrals', 'documents'] as const).filter((id) => id !== 'assessment' || file.assessment);

  return (
    <>
      <p>
        <Link href="/cases">{t('cases.backToList')}</Link>
      </p>
      {created && (
        <FocusHere className="notice ok" role="status">
          {t('caseFile.created', { reference: file.reference })}
        </FocusHere>
      )}
      <header className="case-header">
        <h1>
          <span className="mono">{file.reference}</span>
        </h1>
        <p className="tags">
          <CaseTags status={file.status} caseClass={file.caseClass} riskLevel={file.riskLevel} />
        </p>
        <dl className="summary">
          <dt>{t('caseFile.who')}</dt>
          <dd>{subjects.map((s) => (s.isIdentityUndisclosed ? s.pseudonym : s.fullName)).join(', ')}</dd>
          <dt>{t('intake.category')}</dt>
          <dd>
            {translateKey(t, `categories.${file.category}`)}
            {file.subcategories.length > 0 && ` · ${file.subcategories.map((s) => translateKey(t, `subcategories.${s}`)).join(', ')}`}
          </dd>
          <dt>{t('intake.mission')}</dt>
          <dd>
            {file.missionCode} · {missionName(t as never, { kind: file.missionKind as never, city: file.missionCity })}
          </dd>
          <dt>{t('cases.assignee')}</dt>
          <dd>{file.assignedOfficerName ?? t('cases.unassigned')}</dd>
          <dt>{t('cases.opened')}</dt>
          <dd>
            {format.dateTime(file.openedAt, { ...zone, ...DATE_TIME_WITH_ZONE })} · {t('cases.daysOpen', { days: daysOpen })}
          </dd>
        </dl>
        {can(actor, 'case:update') && (
          <section id="case-status" aria-label={t('status.title')}>
            <StatusSection caseId={file.id} version={file.version} status={file.status} />
            {canEdit && <TransferSection caseId={file.id} version={file.version} missions={otherMissions} pending={pendingTransfer} />}
          </section>
        )}
      </header>

      <section className="todo" aria-labelledby="todo-title">
        <h2 id="todo-title">{t('caseFile.todo.title')}</h2>
        {attention.length === 0 ? (
          <p className="muted">{file.status === 'closed' ? t('caseFile.todo.closed') : t('caseFile.todo.nothing')}</p>
        ) : (
          <ul>
            {attention.map((item, i) => {
              const urgency = urgencyOf(item);
              return (
                <li key={i} className={`todo-${urgency}`}>
                  <span className={`tag ${urgency === 'overdue' ? 'risk-critical' : 'status'}`}>{t(`caseFile.todo.${urgency}`)}</span>{' '}
                  <SectionLink section={item.section}>{attentionText(item)}</SectionLink>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <nav className="section-index" aria-label={t('caseFile.index')}>
        <ul>
          {shownSections.map((id) => (
            <li key={id}>
              <SectionLink section={id}>{sectionTitles[id]}</SectionLink>
            </li>
          ))}
        </ul>
      </nav>

      <div className="layout-file">
        <div>
          <CaseSection id="people" title={sectionTitles.people} status={sectionStatus.people} open={opens.has('people')}>
            {subjects.map((p) => (
              <div className="person" key={p.id}>
                <h3>
                  {p.isIdentityUndisclosed ? p.pseudonym : p.fullName} <span className="muted">· {t('caseFile.roles.subject')}</span>
                  {p.isChild && (
                    <>
                      {' '}
                      <span className="tag special">{t('caseFile.child')}</span>
                    </>
                  )}
                </h3>
                {p.isIdentityUndisclosed ? (
                  <>
                    <p className="muted">{t('caseFile.undisclosed')}</p>
                    <RevealIdentity partyId={p.id} pseudonym={p.pseudonym} />
                  </>
                ) : (
                  <dl className="summary">
                    <dt>{t('caseFile.pseudonym')}</dt>
                    <dd className="mono">{p.pseudonym}</dd>
                    <SummaryRow label={t('intake.nik')} mono>{p.nik}</SummaryRow>
                    <SummaryRow label={t('intake.passportNumber')} mono>{p.passportNumber}</SummaryRow>
                    <SummaryRow label={t('intake.dateOfBirth')}>{p.dateOfBirth && <>{format.dateTime(new Date(`${p.dateOfBirth}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'long' })}</>}</SummaryRow>
                    <SummaryRow label={t('intake.sex')}>{p.sex && <>{translateKey(t, `sex.${p.sex}`)}</>}</SummaryRow>
                    <SummaryRow label={t('caseFile.home')}>{(p.homeProvince || p.homeRegency) && <>{[p.homeRegency, p.homeProvince].filter(Boolean).join(', ')}</>}</SummaryRow>
                    <SummaryRow label={t('intake.phone')}>{p.phone}</SummaryRow>
                  </dl>
                )}
                {canEdit && <EditParty caseId={file.id} version={file.version} partyId={p.id} label={p.isIdentityUndisclosed ? p.pseudonym : (p.fullName ?? p.pseudonym)} />}
              </div>
            ))}
            {others.map((p) => (
              <div className="person" key={p.id}>
                <h3>
                  {p.fullName ?? p.pseudonym} <span className="muted">· {translateKey(t, `caseFile.roles.${p.role}`)}</span>
                </h3>
                <dl className="summary">
                  <SummaryRow label={t('intake.perpetratorKind')}>{p.perpetratorKind && <>{translateKey(t, `perpetratorKinds.${p.perpetratorKind}`)}</>}</SummaryRow>
                  <SummaryRow label={t('intake.nationality')}>{p.nationality && <>{countryName(locale, p.nationality)}</>}</SummaryRow>
                  <SummaryRow label={t('intake.organisation')}>{p.organisation}</SummaryRow>
                  <SummaryRow label={t('intake.isArrested')}>{p.role === 'perpetrator' && <>{p.isArrested ? t('caseFile.yes') : t('caseFile.no')}</>}</SummaryRow>
                  <SummaryRow label={t('parties.relationship')}>{p.relationship}</SummaryRow>
                  <SummaryRow label={t('intake.phone')}>{p.phone}</SummaryRow>
                </dl>
                {p.isIdentityUndisclosed && <RevealIdentity partyId={p.id} pseudonym={p.pseudonym} />}
                {canEdit && <EditParty caseId={file.id} version={file.version} partyId={p.id} label={p.fullName ?? p.pseudonym} />}
              </div>
            ))}
            {canEdit && <AddParty caseId={file.id} version={file.version} />}
          </CaseSection>

          {file.assessment && (
            <CaseSection id="assessment" title={sectionTitles.assessment} status={sectionStatus.assessment} open={opens.has('assessment')}>
              <AssessmentSection
                caseId={file.id}
                version={file.version}
                assessment={file.assessment}
                hasChildVictim={subjects.some((p) => p.isChild)}
                canEdit={canEdit}
              />
            </CaseSection>
          )}

          <CaseSection id="steps" title={sectionTitles.steps} status={sectionStatus.steps} open={opens.has('steps')}>
            <StepsSection
              caseId={file.id}
              version={file.version}
              canEdit={canEdit}
              officers={officers}
              templates={templates}
              steps={steps.map((s) => ({
                ...s,
                dueLabel: s.dueDate ? format.dateTime(new Date(`${s.dueDate}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' }) : null,
                isOverdue: isOverdue(s, today),
              }))}
            />
          </CaseSection>

          <CaseSection id="details" title={sectionTitles.details} status={sectionStatus.details} open={opens.has('details')}>
            <DetailsSection file={file} canEdit={canEdit}>
              <dl className="summary">
                <dt>{t('intake.narrative')}</dt>
                <dd className="narrative">{file.narrative}</dd>
                <SummaryRow label={t('intake.eventsPlace')}>{file.eventsPlace}</SummaryRow>
                <SummaryRow label={t('intake.eventsDate')}>{file.eventsDate && <>{format.dateTime(new Date(`${file.eventsDate}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'long' })}</>}</SummaryRow>
                <SummaryRow label={t('intake.employerOrAgency')}>{file.employerOrAgency}</SummaryRow>
                <SummaryRow label={t('intake.vesselName')}>{file.vesselName && `${file.vesselName}${file.vesselFlag ? ` (${countryName(locale, file.vesselFlag)})` : ''}`}</SummaryRow>
                <dt>{t('intake.intakeChannel')}</dt>
                <dd>{translateKey(t, `channels.${file.intakeChannel}`)}</dd>
              </dl>
            </DetailsSection>
          </CaseSection>

          <CaseSection id="legal" title={sectionTitles.legal} status={sectionStatus.legal} open={opens.has('legal')}>
            <LegalSection
              caseId={file.id}
              version={file.version}
              parties={partyOptions}
              missionTimeZone={file.missionTimeZone}
              courtZones={countryZoneOptions(file.missionCountry, [file.missionTimeZone, ...legal.proceedings.map((p) => p.courtTimeZone)])}
              canEdit={canEdit}
              isSupervisor={actor.role === 'supervisor'}
              proceedings={legal.proceedings.map((p) => ({
                ...p,
                lawyerAppointedLabel: p.lawyerAppointedOn && dateLabel(p.lawyerAppointedOn),
                hearings: p.hearings.map((h) => ({
                  id: h.id,
                  purpose: h.purpose,
                  outcome: h.outcome,
                  hasBegun: h.startsAt.getTime() <= Date.now(),
                  label: hearingWhen(h),
                })),
              }))}
              detentions={detentionRows.map(({ interval, ...d }) => ({
                id: d.id,
                pseudonym: d.pseudonym,
                facility: d.facility,
                since: dateLabel(d.detainedSince),
                expectedRelease: d.expectedRelease && dateLabel(d.expectedRelease),
                visits: d.visits.map((v, i) => ({ id: v.id, officerName: v.officerName, findings: v.findings, needs: v.needs, label: dateLabel(v.visitedOn), gapDays: interval.gaps[i]! })),
                daysSinceLast: interval.daysSinceLast,
                isOverdue: interval.isOverdue,
              }))}
            />
          </CaseSection>

          <CaseSection id="age-claims" title={sectionTitles['age-claims']} status={sectionStatus['age-claims']} open={opens.has('age-claims')}>
            <AgeClaimsSection
              caseId={file.id}
              canEdit={canEdit}
              parties={partyOptions.map((o, i) => ({ ...o, dateOfBirth: file.parties[i]!.dateOfBirth }))}
              openedOn={localDate(file.missionTimeZone, file.openedAt)}
              documents={docs.map((d) => ({ id: d.id, label: d.fileName ?? `${translateKey(t, `documents.kinds.${d.kind}`)} · ${format.dateTime(d.uploadedAt, { ...zone, dateStyle: 'medium' })}` }))}
              claims={ageClaims.map((c) => ({ ...c, claimedDobLabel: dateLabel(c.claimedDob), relevantOnLabel: dateLabel(c.relevantOn) }))}
            />
          </CaseSection>

          <CaseSection id="money" title={sectionTitles.money} status={sectionStatus.money} open={opens.has('money')}>
            <MoneySection
              caseId={file.id}
              canEdit={canEdit}
              claims={money.claims.map((c) => ({ id: c.id, kind: c.kind, claimed: amount(c.amountClaimed, c.currency), recovered: amount(c.recovered, c.currency) }))}
              byCurrency={money.byCurrency}
              totalHome={amount(money.recoveredHome, 'IDR')}
            />
          </CaseSection>

          <CaseSection id="referrals" title={sectionTitles.referrals} status={sectionStatus.referrals} open={opens.has('referrals')}>
            <ReferralsSection
              caseId={file.id}
              parties={partyOptions}
              partners={partners}
              canEdit={canEdit}
              canOverride={actor.role === 'supervisor'}
              consents={consents.map(({ withdrawnAt, ...c }) => ({
                ...c,
                withdrawn: !!withdrawnAt,
                givenLabel: format.dateTime(new Date(`${c.givenOn}T00:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' }),
              }))}
              referrals={referrals.map(({ sentAt, ...r }) => ({ ...r, sentLabel: format.dateTime(sentAt, { ...zone, dateStyle: 'medium' }) }))}
            />
          </CaseSection>

          <CaseSection id="documents" title={sectionTitles.documents} status={sectionStatus.documents} open={opens.has('documents')}>
            <DocumentList
              caseId={file.id}
              locale={locale}
              namesHidden={documentNamesHidden}
              documents={docs.map((d) => ({
                ...d,
                uploadedAt: format.dateTime(d.uploadedAt, { ...zone, ...DATE_TIME_WITH_ZONE }),
              }))}
            />
            {canEdit && (
              <DocumentUpload
                caseId={file.id}
                parties={partyOptions}
              />
            )}
          </CaseSection>
        </div>
        <aside aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('caseFile.timeline')}</h2>
          <p>
            <Link href={`/cases/${file.id}/access`}>{t('accessLog.link')}</Link>
          </p>
          {can(actor, 'case:update') && <NoteForm caseId={file.id} />}
          <Timeline events={events} timeZone={file.missionTimeZone} />
        </aside>
      </div>
    </>
  );
}
