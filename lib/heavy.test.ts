import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { heavyLoad, heavyWork, inHeavySlot } from './heavy';

/** A piece of work that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const started = { yes: false };
  const run = async () => {
    started.yes = true;
    await opened;
    return 'done';
  };
  return { run, open, started };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('heavy work', () => {
  it('runs two at a time in the process; the third waits for a free slot, holding nothing', async () => {
    const [a, b, c] = [gate(), gate(), gate()];
    const runs = [heavyWork('u1', a.run), heavyWork('u2', b.run), heavyWork('u3', c.run)];
    await settle();
    expect([a.started.yes, b.started.yes, c.started.yes]).toEqual([true, true, false]);
    expect(heavyLoad()).toEqual({ active: 2, waiting: 1, users: 3 });
    a.open();
    await runs[0];
    await settle();
    expect(c.started.yes).toBe(true);
    b.open();
    c.open();
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
    expect(heavyLoad()).toEqual({ active: 0, waiting: 0, users: 0 });
  });

  it('refuses a user a third request while two are under way, and lets them ask again after', async () => {
    const [a, b] = [gate(), gate()];
    const runs = [heavyWork('u1', a.run), heavyWork('u1', b.run)];
    const third = await heavyWork('u1', async () => 'ran').catch((e: unknown) => e);
    expect(third).toBeInstanceOf(AppError);
    expect((third as AppError).code).toBe('busy');
    expect((third as AppError).messageKey).toBe('errors.heavyBusy');
    a.open();
    b.open();
    await Promise.all(runs);
    expect(await heavyWork('u1', async () => 'ran')).toBe('ran');
  });

  it('frees the slot and the user’s count when the work fails', async () => {
    await expect(heavyWork('u1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(inHeavySlot(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(heavyLoad()).toEqual({ active: 0, waiting: 0, users: 0 });
  });
});
