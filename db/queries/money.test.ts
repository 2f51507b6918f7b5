import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { claimPaymentSchema, financialClaimSchema } from '@/lib/validation/legal';
import { createCase } from './cases';
import { createFinancialClaim, getMoney, recordPayment } from './money';
import { intakeFacts } from '@/lib/testing/intake';

describe('amounts and currencies', () => {
  it('are non-negative with two decimals, in ISO 4217 codes', () => {
    const base = { caseId: crypto.randomUUID(), kind: 'unpaid_wages', claimedOn: '' };
    expect(financialClaimSchema.parse({ ...base, currency: 'myr', amountClaimed: '12500,50' })).toMatchObject({ currency: 'MYR', amountClaimed: '12500.50' });
    expect(financialClaimSchema.safeParse({ ...base, currency: 'XYZ', amountClaimed: '1' }).success).toBe(false);
    expect(financialClaimSchema.safeParse({ ...base, currency: 'MYR', amountClaimed: '-5' }).success).toBe(false);
    expect(financialClaimSchema.safeParse({ ...base, currency: 'MYR', amountClaimed: '1.005' }).success).toBe(false);
    expect(claimPaymentSchema.safeParse({ claimId: crypto.randomUUID(), amount: '10', receivedOn: '2026-11-01', rateToHome: '0' }).success).toBe(false);
  });
});

describe.each(testDatabaseKinds())('money on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  });
  afterAll(() => h?.close());

  it('totals claims and recoveries per currency and in rupiah at the rates entered', async () => {
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'x', subjects: [{ ...emptySubject, fullName: 'Unpaid' }] });
    const { id } = await h.db.transaction((tx) => createCase(tx, kul, input));
    const wages = await createFinancialClaim(h.db, kul, financialClaimSchema.parse({ caseId: id, kind: 'unpaid_wages', currency: 'MYR', amountClaimed: '12000.00', claimedOn: '2026-10-01' }));
    const insurance = await createFinancialClaim(h.db, kul, financialClaimSchema.parse({ caseId: id, kind: 'insurance', currency: 'SAR', amountClaimed: '5000', claimedOn: '' }));
    await recordPayment(h.db, kul, claimPaymentSchema.parse({ claimId: wages.id, amount: '4000.10', receivedOn: '2026-11-01', rateToHome: '3550.25' }));
    await recordPayment(h.db, kul, claimPaymentSchema.parse({ claimId: wages.id, amount: '0.20', receivedOn: '2026-11-02', rateToHome: '3600' }));
    await recordPayment(h.db, kul, claimPaymentSchema.parse({ claimId: insurance.id, amount: '5000', receivedOn: '2026-11-03', rateToHome: '4200' }));
    const money = await getMoney(h.db, id);
    expect(money.byCurrency).toEqual([
      { currency: 'MYR', claimed: '12000.00', recovered: '4000.30' },
      { currency: 'SAR', claimed: '5000.00', recovered: '5000.00' },
    ]);
    // 4000.10 × 3550.25 + 0.20 × 3600 + 5000 × 4200
    expect(money.recoveredHome).toBe('35202075.03');
    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    await expect(recordPayment(h.db, jed, claimPaymentSchema.parse({ claimId: wages.id, amount: '1', receivedOn: '2026-11-01', rateToHome: '1' }))).rejects.toMatchObject({ code: 'not_found' });
  });
});
