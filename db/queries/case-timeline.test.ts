import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { caseParties } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { officerActor } from '@/lib/testing/actors';
import { createCaseSchema, emptyCase, emptySubject } from '@/lib/validation/cases';
import { eq } from 'drizzle-orm';
import { addCaseEvents, listCaseAccess, listCaseEvents, parseAccessCursor } from './case-timeline';
import { createCase } from './cases';
import { addDocument, listDocuments, revealFileNames } from './documents';
import { revealIdentity } from './people';
import { intakeFacts } from '@/lib/testing/intake';

describe.each(testDatabaseKinds())('a case’s access log on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it('keeps every reveal, however many events follow it, newest first and paged', async () => {
    const kul = await officerActor(h.db, 'officer.kul@payung.test');
    const input = createCaseSchema.parse({ ...emptyCase, ...intakeFacts, narrative: 'Held.', subjects: [{ ...emptySubject, fullName: 'Sri Wahyuni', isIdentityUndisclosed: true }] });
    const created = await h.db.transaction((tx) => createCase(tx, kul, input));
    const [party] = await h.db.select({ id: caseParties.id }).from(caseParties).where(eq(caseParties.caseId, created.id));
    await revealIdentity(h.db, kul, party!.id);
    await addCaseEvents(h.db, Array.from({ length: 150 }, (_, i) => ({ caseId: created.id, data: { text: `note ${i}` } })), kul.id, 'note');
    await revealIdentity(h.db, kul, party!.id);

    // The case page's timeline: the newest hundred, where the first reveal is long gone.
    const timeline = await listCaseEvents(h.db, created.id);
    expect(timeline).toHaveLength(100);
    expect(timeline.filter((e) => e.kind === 'identity_revealed')).toHaveLength(1);

    const access = await listCaseAccess(h.db, created.id);
    expect(access.map((e) => e.kind)).toEqual(['identity_revealed', 'identity_revealed']);
    expect(access[0]!.id > access[1]!.id).toBe(true);
    expect(access[0]!.data).toMatchObject({ pseudonym: `${created.reference}-S1` });
    expect((await listCaseAccess(h.db, created.id, { before: access[0]!.cursor })).map((e) => e.id)).toEqual([access[1]!.id]);
    // Pages of one walk the log exactly once, to the microsecond of each entry's time.
    const walked: string[] = [];
    for (let page = await listCaseAccess(h.db, created.id, { limit: 1 }); page.length; page = await listCaseAccess(h.db, created.id, { limit: 1, before: page[0]!.cursor })) walked.push(page[0]!.id);
    expect(walked).toEqual(access.map((e) => e.id));
    // A cursor that is not one of ours is no cursor (the first page), never an error.
    for (const bad of ['x', `${access[0]!.cursor}'`, '2026-01-01 00:00:00+00|e1', "2026-01-01 00:00:00+00|e0000000000000000001' OR 1=1"]) {
      expect(parseAccessCursor(bad)).toBeNull();
      expect(await listCaseAccess(h.db, created.id, { before: bad })).toHaveLength(2);
    }

    // File names shown on request: to the case's mission, on the access log; not to another mission.
    await addDocument(h.db, kul, { caseId: created.id, partyId: null, kind: 'passport', fileName: 'paspor Sri Wahyuni.pdf', size: 10, mimeType: 'application/pdf', sha256: 'x', storageKey: 'k' });
    expect((await listDocuments(h.db, created.id)).map((d) => d.fileName)).toEqual([null]);
    expect((await revealFileNames(h.db, kul, created.id)).map((d) => d.fileName)).toEqual(['paspor Sri Wahyuni.pdf']);
    expect((await listCaseAccess(h.db, created.id, { limit: 1 }))[0]).toMatchObject({ kind: 'file_names_revealed', data: { count: 1 } });
    const jed = await officerActor(h.db, 'officer.jed@payung.test');
    await expect(revealFileNames(h.db, jed, created.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
