import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/actor';
import { assertCan, missionScope } from '@/lib/authz';
import type { FinancialClaimKind } from '@/lib/domain/cases';
import { AppError, notFound } from '@/lib/errors';
import type { Conn } from '../index';
import { cases, claimPayments, financialClaims, missions } from '../schema';
import { addCaseEvent } from './case-timeline';
import { assertCaseOpenInScope } from './cases';

export async function createFinancialClaim(conn: Conn, actor: Actor, input: { caseId: string; kind: FinancialClaimKind; currency: string; amountClaimed: string; claimedOn: string }) {
  await assertCaseOpenInScope(conn, actor, input.caseId);
  const [row] = await conn
    .insert(financialClaims)
    .values({ ...input, claimedOn: input.claimedOn || null })
    .returning({ id: financialClaims.id });
  await addCaseEvent(conn, input.caseId, actor.id, 'money_claimed', { kind: input.kind, amount: `${input.amountClaimed} ${input.currency}` });
  return { id: row!.id };
}

export async function recordPayment(conn: Conn, actor: Actor, input: { claimId: string; amount: string; receivedOn: string; rateToHome: string }) {
  assertCan(actor, 'case:update');
  const [claim] = await conn
    .select({ caseId: financialClaims.caseId, currency: financialClaims.currency, caseStatus: cases.status })
    .from(financialClaims)
    .innerJoin(cases, eq(cases.id, financialClaims.caseId))
    .innerJoin(missions, eq(missions.id, cases.missionId))
    .where(and(eq(financialClaims.id, input.claimId), missionScope(actor, cases.missionId, missions.country)));
  if (!claim) throw notFound();
  if (claim.caseStatus === 'closed') throw new AppError('invalid', 'errors.caseClosed');
  const [row] = await conn.insert(claimPayments).values({ ...input, caseId: claim.caseId }).returning({ id: claimPayments.id });
  await addCaseEvent(conn, claim.caseId, actor.id, 'money_recovered', { amount: `${input.amount} ${claim.currency}` });
  return { id: row!.id, caseId: claim.caseId };
}

// Written out in full: in a one-table select drizzle leaves columns unqualified, and inside the
// subquery a bare "id" would mean the payment's id.
const claimId = sql.raw('"financial_claims"."id"');

export interface ClaimView {
  id: string;
  kind: FinancialClaimKind;
  currency: string;
  amountClaimed: string;
  recovered: string;
  recoveredHome: string;
  claimedOn: string | null;
}

export interface MoneyTotals {
  claims: ClaimView[];
  /** per currency, in that currency */
  byCurrency: { currency: string; claimed: string; recovered: string }[];
  /** all recovered money in rupiah, at the rates entered with each payment */
  recoveredHome: string;
}

/** A case's claims, what was recovered, and the totals. Sums are done by PostgreSQL's numeric: no float rounding. */
export async function getMoney(conn: Conn, caseId: string): Promise<MoneyTotals> {
  const [claims, byCurrency, [home]] = await Promise.all([
    conn
      .select({
        id: financialClaims.id,
        kind: financialClaims.kind,
        currency: financialClaims.currency,
        amountClaimed: financialClaims.amountClaimed,
        claimedOn: financialClaims.claimedOn,
        recovered: sql<string>`(SELECT coalesce(sum(p.amount), 0)::text FROM claim_payments p WHERE p.claim_id = ${claimId})`,
        recoveredHome: sql<string>`(SELECT coalesce(round(sum(p.amount * p.rate_to_home), 2), 0)::text FROM claim_payments p WHERE p.claim_id = ${claimId})`,
      })
      .from(financialClaims)
      .where(eq(financialClaims.caseId, caseId))
      .orderBy(asc(financialClaims.createdAt)),
    conn
      .select({
        currency: financialClaims.currency,
        claimed: sql<string>`sum(${financialClaims.amountClaimed})::text`,
        recovered: sql<string>`coalesce(sum((SELECT sum(p.amount) FROM claim_payments p WHERE p.claim_id = ${claimId})), 0)::text`,
      })
      .from(financialClaims)
      .where(eq(financialClaims.caseId, caseId))
      .groupBy(financialClaims.currency)
      .orderBy(asc(financialClaims.currency)),
    conn
      .select({ total: sql<string>`coalesce(round(sum(${claimPayments.amount} * ${claimPayments.rateToHome}), 2), 0)::text` })
      .from(claimPayments)
      .where(eq(claimPayments.caseId, caseId)),
  ]);
  return { claims, byCurrency, recoveredHome: home?.total ?? '0' };
}
