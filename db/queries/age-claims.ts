import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import { AGE_CLAIM_STALE_DAYS, AGE_CLAIM_TRANSITIONS, type AgeClaimStatus, type AgeEvidenceKind, type EvidenceSummary, ageOn, summariseEvidence } from '@/lib/domain/cases';
import { AppError, notFound, staleVersion } from '@/lib/errors';
import type { Conn } from '../index';
import { ageClaims, ageEvidence, caseParties, cases, documents, missions } from '../schema';
import { type Changes, diffChanges } from './audit';
import { addCaseEvent } from './case-timeline';
import { shownFileName } from './documents';
import { assertCaseOpenInScope } from './cases';

export async function createAgeClaim(conn: Conn, actor: Actor, input: { caseId: string; partyId: string; claimedDob: string; relevantOn: string }): Promise<{ id: string; changes: Changes }> {
  await assertCaseOpenInScope(conn, actor, input.caseId);
  const [p] = await conn.select({ pseudonym: caseParties.pseudonym }).from(caseParties).where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, input.caseId)));
  if (!p) throw new AppError('invalid', 'errors.invalid', { partyId: ['validation.invalid'] });
  if (input.claimedDob > input.relevantOn) throw new AppError('invalid', 'errors.invalid', { claimedDob: ['validation.dobAfterRelevant'] });
  const [row] = await conn.insert(ageClaims).values(input).returning({ id: ageClaims.id });
  await addCaseEvent(conn, input.caseId, actor.id, 'age_claim_made', { pseudonym: p.pseudonym, age: ageOn(input.claimedDob, input.relevantOn) });
  return { id: row!.id, changes: { ageClaim: { before: null, after: 'claimed' } } };
}

async function lockClaim(conn: Conn, actor: Actor, claimId: string) {
  assertCan(actor, 'case:update');
  const [c] = await conn
    .select({ caseId: ageClaims.caseId, status: ageClaims.status, version: ageClaims.version, caseStatus: cases.status })
    .from(ageClaims)
    .innerJoin(cases, eq(cases.id, ageClaims.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(ageClaims.id, claimId), missionScope(actor, cases.missionId, missions.country)))
    .for('update', { of: ageClaims });
  if (!c) throw notFound();
  if (c.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  return c;
}

/** claimed → evidence requested → evidence received → submitted to the host authority → accepted / rejected; withdrawn from any open state. */
export async function moveAgeClaim(conn: Conn, actor: Actor, input: { claimId: string; version: number; status: AgeClaimStatus }, now = new Date()): Promise<{ caseId: string; changes: Changes }> {
  const c = await lockClaim(conn, actor, input.claimId);
  if (c.version !== input.version) throw staleVersion({ current: { status: c.status, version: c.version } });
  if (!AGE_CLAIM_TRANSITIONS[c.status].includes(input.status)) throw new AppError('invalid', 'errors.ageClaimTransition');
  await conn.update(ageClaims).set({ status: input.status, statusChangedAt: now, version: sql`${ageClaims.version} + 1` }).where(eq(ageClaims.id, input.claimId));
  const changes = diffChanges<Record<string, unknown>>({ ageClaim: c.status }, { ageClaim: input.status });
  await addCaseEvent(conn, c.caseId, actor.id, 'age_claim_updated', { changes });
  return { caseId: c.caseId, changes };
}

export async function addAgeEvidence(
  conn: Conn,
  actor: Actor,
  input: { claimId: string; kind: AgeEvidenceKind; source: string; obtainedOn: string; issueDate: string; isVerified: boolean; documentId: string },
): Promise<{ id: string; caseId: string }> {
  const c = await lockClaim(conn, actor, input.claimId);
  if (input.documentId) {
    const [d] = await conn.select({ id: documents.id }).from(documents).where(and(eq(documents.id, input.documentId), eq(documents.caseId, c.caseId)));
    if (!d) throw new AppError('invalid', 'errors.invalid', { documentId: ['validation.invalid'] });
  }
  const [row] = await conn
    .insert(ageEvidence)
    .values({ ...input, source: input.source || null, obtainedOn: input.obtainedOn || null, issueDate: input.issueDate || null, documentId: input.documentId || null })
    .returning({ id: ageEvidence.id });
  await addCaseEvent(conn, c.caseId, actor.id, 'age_evidence_added', { kind: input.kind });
  return { id: row!.id, caseId: c.caseId };
}

export interface AgeClaimView {
  id: string;
  pseudonym: string;
  claimedDob: string;
  relevantOn: string;
  ageOnRelevantDate: number;
  status: AgeClaimStatus;
  claimedAt: Date;
  version: number;
  isStale: boolean;
  evidence: { id: string; kind: AgeEvidenceKind; source: string | null; obtainedOn: string | null; issueDate: string | null; isVerified: boolean; documentName: string | null; hasDocument: boolean }[];
  summary: EvidenceSummary;
}

/** A case's age claims with their evidence and its summary. The caller has shown the case is visible. */
export async function getAgeClaims(conn: Conn, caseId: string, now = new Date()): Promise<AgeClaimView[]> {
  const [claims, items] = await Promise.all([
    conn
      .select({ id: ageClaims.id, pseudonym: caseParties.pseudonym, claimedDob: ageClaims.claimedDob, relevantOn: ageClaims.relevantOn, status: ageClaims.status, claimedAt: ageClaims.claimedAt, version: ageClaims.version })
      .from(ageClaims)
      .innerJoin(caseParties, eq(caseParties.id, ageClaims.partyId))
      .where(eq(ageClaims.caseId, caseId))
      .orderBy(asc(ageClaims.claimedAt)),
    conn
      .select({
        id: ageEvidence.id,
        claimId: ageEvidence.claimId,
        kind: ageEvidence.kind,
        source: ageEvidence.source,
        obtainedOn: ageEvidence.obtainedOn,
        issueDate: ageEvidence.issueDate,
        isVerified: ageEvidence.isVerified,
        documentName: shownFileName,
        hasDocument: sql<boolean>`${ageEvidence.documentId} IS NOT NULL`,
      })
      .from(ageEvidence)
      .innerJoin(ageClaims, eq(ageClaims.id, ageEvidence.claimId))
      .leftJoin(documents, eq(documents.id, ageEvidence.documentId))
      .where(eq(ageClaims.caseId, caseId))
      .orderBy(asc(ageEvidence.createdAt)),
  ]);
  return claims.map((c) => {
    const evidence = items.filter((i) => i.claimId === c.id).map(({ claimId: _c, ...i }) => i);
    return {
      ...c,
      ageOnRelevantDate: ageOn(c.claimedDob, c.relevantOn),
      isStale: isStaleClaim(c, now),
      evidence,
      summary: summariseEvidence(evidence, c.claimedDob),
    };
  });
}

/** Still only "claimed", with no evidence requested, 30 days after the claim was made. */
export function isStaleClaim(c: { status: AgeClaimStatus; claimedAt: Date }, now: Date): boolean {
  return c.status === 'claimed' && now.getTime() - c.claimedAt.getTime() > AGE_CLAIM_STALE_DAYS * 86_400_000;
}
