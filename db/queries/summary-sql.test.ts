import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { generateDemoCases } from '@/db/demo/generate';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import type { Actor } from '@/lib/actor';
import { parsePeriod } from '@/lib/domain/periods';
import { actorOf, officerActor } from '@/lib/testing/actors';
import { computeSummary } from './summary';
import { computeSummary as computeSummaryInNode } from './summary-oracle';
import type { SummaryScope } from './summary';

const NOW = new Date('2026-11-29T08:00:00Z');

/** A number from 0 to 2^28 − 1 that a row's id and a salt decide: the same data on every run and database. */
const rnd = (id: SQL, salt: string) => sql`(('x' || substr(md5(${id}::text || ${salt}), 1, 7))::bit(28)::int)`;

/**
 * What the demo generator leaves out and the summary must still count right: accepted transfers
 * (one or two a case, across time zones, some decided near a month's edge in UTC), requests and
 * refusals that must not count, openings and closings a few hours either side of a month's
 * start, microseconds the app's own timestamps carry, age claims in every state, detentions with
 * visits, home prosecutions of trafficking, payments in a foreign currency, shared NIKs and
 * subjects without a birth date or sex.
 */
async function enrich(h: DbHandle) {
  const run = (q: SQL) => h.db.execute(q);
  const now = sql`${NOW.toISOString()}::timestamptz`;
  const c = sql.raw('c.id');
  await run(sql`UPDATE cases c SET opened_at = date_trunc('month', opened_at) + ((${rnd(c, 'o')} % 40) - 20) * interval '1 hour' + (${rnd(c, 'u')} % 1000) * interval '1 microsecond'
    WHERE ${rnd(c, 'edge')} % 6 = 0 AND date_trunc('month', opened_at) + interval '20 hours' < coalesce(closed_at, ${now})`);
  await run(sql`UPDATE cases c SET closed_at = date_trunc('month', closed_at) + ((${rnd(c, 'c')} % 30) - 15) * interval '1 hour' + (${rnd(c, 'v')} % 1000) * interval '1 microsecond'
    WHERE closed_at IS NOT NULL AND ${rnd(c, 'cedge')} % 5 = 0 AND date_trunc('month', closed_at) - interval '15 hours' > opened_at`);
  await run(sql`UPDATE cases c SET first_contact_at = first_contact_at + (${rnd(c, 'f')} % 1000) * interval '1 microsecond' WHERE ${rnd(c, 'fc')} % 3 = 0`);
  await run(sql`UPDATE cases c SET first_contact_at = NULL WHERE ${rnd(c, 'nofc')} % 9 = 0`);
  await run(sql`UPDATE cases c SET outcome = NULL WHERE closed_at IS NOT NULL AND ${rnd(c, 'noout')} % 25 = 0`);

  // Transfers: every sixth case moves once, a third of those again; decided between opening and closing.
  const m = (salt: string) => sql`(SELECT id FROM missions ORDER BY code OFFSET ${rnd(c, salt)} % (SELECT count(*) FROM missions) LIMIT 1)`;
  await run(sql`INSERT INTO transfers (case_id, from_mission_id, to_mission_id, status, reason, decided_at)
    SELECT c.id, c.mission_id, t.to_id, 'accepted', 'moved', t.at FROM cases c,
      LATERAL (SELECT ${m('to1')} AS to_id,
        c.opened_at + (coalesce(c.closed_at, ${now}) - c.opened_at) * ((${rnd(c, 'at1')} % 1000) / 3000.0) + (${rnd(c, 'us1')} % 1000) * interval '1 microsecond' AS at) t
    WHERE ${rnd(c, 'move')} % 6 = 0 AND t.to_id <> c.mission_id`);
  await run(sql`INSERT INTO transfers (case_id, from_mission_id, to_mission_id, status, reason, decided_at)
    SELECT c.id, f.to_mission_id, ${m('to2')}, 'accepted', 'moved again', f.decided_at + (coalesce(c.closed_at, ${now}) - f.decided_at) * ((${rnd(c, 'at2')} % 1000) / 2000.0)
    FROM cases c JOIN transfers f ON f.case_id = c.id WHERE ${rnd(c, 'again')} % 3 = 0`);
  // A few moves decided within hours of a month's start in UTC, where the sending and receiving zones disagree on the date.
  await run(sql`UPDATE transfers t SET decided_at = greatest(date_trunc('month', decided_at) + ((${rnd(sql.raw('t.id'), 'dm')} % 30) - 15) * interval '1 hour', (SELECT opened_at FROM cases WHERE id = t.case_id) + interval '1 minute')
    WHERE reason = 'moved' AND ${rnd(sql.raw('t.id'), 'de')} % 3 = 0 AND NOT EXISTS (SELECT 1 FROM transfers o WHERE o.case_id = t.case_id AND o.id <> t.id)`);
  // The case is now at its last receiving mission (numbered apart from that mission's own cases).
  await run(sql`UPDATE cases c SET mission_id = last.to_mission_id, seq = 100000 + last.n
    FROM (SELECT DISTINCT ON (case_id) case_id, to_mission_id, dense_rank() OVER (ORDER BY case_id) AS n FROM transfers ORDER BY case_id, decided_at DESC) last WHERE last.case_id = c.id`);
  await run(sql`INSERT INTO transfers (case_id, from_mission_id, to_mission_id, status, reason, decided_at)
    SELECT c.id, c.mission_id, ${m('to3')}, (ARRAY['requested', 'rejected', 'cancelled'])[1 + ${rnd(c, 'st')} % 3], 'not moved', CASE WHEN ${rnd(c, 'st')} % 3 > 0 THEN c.opened_at + interval '2 days' END
    FROM cases c WHERE ${rnd(c, 'other')} % 15 = 0`);

  const p = sql.raw('p.id');
  await run(sql`INSERT INTO age_claims (case_id, party_id, claimed_dob, relevant_on, status, claimed_at)
    SELECT p.case_id, p.id, '2010-01-01', c.opened_at::date, (ARRAY['claimed', 'evidence_requested', 'submitted', 'accepted', 'rejected', 'withdrawn'])[1 + ${rnd(p, 'acs')} % 6],
      c.opened_at + (${rnd(p, 'aca')} % 2000) * interval '1 hour'
    FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE p.role = 'subject' AND ${rnd(p, 'ac')} % 12 = 0`);
  await run(sql`INSERT INTO detentions (case_id, party_id, facility, detained_since, released_on)
    SELECT p.case_id, p.id, 'Depot', c.opened_at::date + ${rnd(p, 'ds')} % 20, CASE WHEN ${rnd(p, 'dr')} % 3 > 0 THEN c.opened_at::date + 20 + ${rnd(p, 'dr')} % 200 END
    FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE p.role = 'subject' AND ${rnd(p, 'det')} % 10 = 0`);
  const d = sql.raw('d.id');
  await run(sql`INSERT INTO consular_visits (detention_id, case_id, visited_on)
    SELECT d.id, d.case_id, d.detained_since + k * (1 + ${rnd(d, 'vk')} % 60) FROM detentions d, generate_series(0, 2) k WHERE k <= ${rnd(d, 'vn')} % 3`);
  await run(sql`INSERT INTO legal_proceedings (case_id, party_id, jurisdiction, role, court_time_zone, home_file_code, verdict, lawyer_appointed_on)
    SELECT p.case_id, p.id, (ARRAY['home', 'home', 'host'])[1 + ${rnd(p, 'lj')} % 3], 'victim', 'Asia/Jakarta',
      (ARRAY['P-16', 'P-18/P-19', 'P-21', 'P-22', 'P-29', 'P-31', 'P-42', 'P-48', NULL])[1 + ${rnd(p, 'lf')} % 9],
      (ARRAY['Guilty', '', NULL, NULL])[1 + ${rnd(p, 'lv')} % 4], CASE WHEN ${rnd(p, 'll')} % 2 = 0 THEN c.opened_at::date + ${rnd(p, 'll')} % 90 END
    FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE p.role = 'subject' AND (c.category = 'trafficking' OR ${rnd(p, 'lp')} % 30 = 0)`);
  await run(sql`INSERT INTO financial_claims (case_id, kind, currency, amount_claimed)
    SELECT c.id, (ARRAY['unpaid_wages', 'compensation', 'restitution', 'restitution', 'insurance'])[1 + ${rnd(c, 'fk')} % 5], 'MYR', 10000 FROM cases c WHERE ${rnd(c, 'fin')} % 7 = 0`);
  const f = sql.raw('f.id');
  await run(sql`INSERT INTO claim_payments (claim_id, case_id, amount, received_on, rate_to_home)
    SELECT f.id, f.case_id, (${rnd(f, 'pa')} % 500000) / 100.0, c.opened_at::date + k * (5 + ${rnd(f, 'pd')} % 80), 3500.123457 + (${rnd(f, 'pr')} % 1000) / 1000000.0
    FROM financial_claims f JOIN cases c ON c.id = f.case_id, generate_series(0, 2) k WHERE k <= ${rnd(f, 'pn')} % 3`);

  const q = sql.raw('q.id');
  await run(sql`UPDATE persons q SET nik = '31710000000000' || lpad((${rnd(q, 'nik')} % 40)::text, 2, '0') WHERE ${rnd(q, 'dup')} % 25 = 0`);
  await run(sql`UPDATE persons q SET date_of_birth = NULL WHERE ${rnd(q, 'nodob')} % 30 = 0`);
  await run(sql`UPDATE persons q SET sex = NULL WHERE ${rnd(q, 'nosex')} % 40 = 0`);
  await run(sql`ANALYZE`);
}

describe.each(testDatabaseKinds())('the summary in SQL against the one assembled in Node, on %s', (kind) => {
  let h: DbHandle;
  let kul: Actor;
  const supervisor = actorOf('supervisor', { timeZone: 'Asia/Jakarta' });
  const gulf = { ...supervisor, regionCountries: ['SA', 'AE', 'QA'] };

  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
    await generateDemoCases(h.db, { cases: 1200, seed: 7, years: 3, now: NOW, batchSize: 600 });
    await enrich(h);
    kul = await officerActor(h.db, 'officer.kul@payung.test');
  }, 300_000);
  afterAll(() => h?.close());

  it('has the data it compares on: moves across zones, claims, detentions, payments', async () => {
    const [row] = (await h.db.execute(sql`SELECT
      (SELECT count(*)::int FROM transfers WHERE status = 'accepted') AS moves,
      (SELECT count(*)::int FROM (SELECT case_id FROM transfers WHERE status = 'accepted' GROUP BY case_id HAVING count(*) > 1) x) AS twice,
      (SELECT count(*)::int FROM age_claims) AS claims, (SELECT count(*)::int FROM consular_visits) AS visits, (SELECT count(*)::int FROM claim_payments) AS payments`).then((r) =>
      Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows,
    )) as { moves: number; twice: number; claims: number; visits: number; payments: number }[];
    expect(row!.moves).toBeGreaterThan(150);
    expect(row!.twice).toBeGreaterThan(30);
    expect(Math.min(row!.claims, row!.visits, row!.payments)).toBeGreaterThan(80);
  });

  const cases: [string, string, SummaryScope, () => Actor][] = [
    ['a month, all missions', '2026-10', { kind: 'all' }, () => supervisor],
    ['a month, all missions', '2026-03', { kind: 'all' }, () => supervisor],
    ['a month, all missions', '2025-01', { kind: 'all' }, () => supervisor],
    ['a month, one mission', '2026-10', { kind: 'mission', code: 'KUL' }, () => supervisor],
    ['a month, one mission', '2025-07', { kind: 'mission', code: 'JED' }, () => supervisor],
    ['a month, one mission', '2026-06', { kind: 'mission', code: 'SYD' }, () => supervisor],
    ['a month, one country', '2026-09', { kind: 'country', code: 'MY' }, () => supervisor],
    ['a quarter, all missions', '2026-Q2', { kind: 'all' }, () => supervisor],
    ['a quarter, one country', '2025-Q4', { kind: 'country', code: 'SA' }, () => supervisor],
    ['a year, all missions', '2025', { kind: 'all' }, () => supervisor],
    ['a year, one mission', '2026', { kind: 'mission', code: 'KUL' }, () => supervisor],
    ['years, all missions', '2023..2026', { kind: 'all' }, () => supervisor],
    ['a region’s month', '2026-08', { kind: 'all' }, () => gulf],
    ['a region’s year, one country', '2025', { kind: 'country', code: 'AE' }, () => gulf],
    ['a mission officer’s month', '2026-10', { kind: 'all' }, () => kul],
    ['a mission officer’s quarter', '2026-Q1', { kind: 'mission', code: 'KUL' }, () => kul],
    ['a mission officer’s year', '2025', { kind: 'all' }, () => kul],
  ];
  it.each(cases)('gives the same figures: %s, %s', async (_label, period, scope, actor) => {
    const p = parsePeriod(period)!;
    const [inSql, inNode] = await Promise.all([computeSummary(h.db, actor(), p, scope), computeSummaryInNode(h.db, actor(), p, scope)]);
    expect(inNode.flow.new + inNode.flow.openAtStart).toBeGreaterThan(0);
    expect(inSql).toEqual(inNode);
  });
});
