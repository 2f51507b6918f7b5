import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { openTestDatabase, testDatabaseKinds } from '@/db/test-db';
import { rateLimits } from '../schema';
import { consumeRateLimit, pruneRateLimits } from './rate-limits';

const WINDOW = 10 * 60_000;
const AT = new Date('2026-12-02T10:00:00Z');

describe.each(testDatabaseKinds())('rate limits on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
  });
  afterAll(() => h?.close());

  it('let `limit` uses through in a window, refuse the next with when to try again, and start afresh in the next window', async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit(h.db, 'check:a', 3, WINDOW, AT);
    await expect(consumeRateLimit(h.db, 'check:a', 3, WINDOW, new Date(AT.getTime() + 60_000))).rejects.toMatchObject({
      code: 'busy',
      messageKey: 'errors.tooManyLookups',
      details: { retryAfterSeconds: 540 },
    });
    // Another key has its own count; the next window its own.
    await consumeRateLimit(h.db, 'check:b', 3, WINDOW, AT);
    await consumeRateLimit(h.db, 'check:a', 3, WINDOW, new Date(AT.getTime() + WINDOW));
  });

  it('hold when many arrive at once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => consumeRateLimit(h.db, 'check:burst', 5, WINDOW, AT)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  });

  it('forget windows over a day old', async () => {
    await consumeRateLimit(h.db, 'check:old', 3, WINDOW, new Date(AT.getTime() - 2 * 86_400_000));
    await pruneRateLimits(h.db, AT);
    const keys = (await h.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain('check:old');
    expect(keys).toContain('check:a');
  });
});
