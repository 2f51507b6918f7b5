import 'server-only';
import { AppError } from './errors';

/**
 * Heavy reads (summaries of long periods over all missions) take seconds of the database's
 * time each. Run without a limit, twenty of them at once take every pooled connection and
 * every core, and the health check and other users' pages wait behind them. So this process
 * runs at most HEAVY_SLOTS of them at a time — the rest wait here, holding no connection —
 * and one user has at most PER_USER under way: a further request is refused with a message,
 * not queued (the same summary asked for again while the first is still counting).
 */
const HEAVY_SLOTS = Math.max(1, Number(process.env.PAYUNG_HEAVY_SLOTS || 2));
const PER_USER = 2;

let active = 0;
const waiting: (() => void)[] = [];
const underWay = new Map<string, number>();

async function takeSlot(): Promise<void> {
  if (active < HEAVY_SLOTS) {
    active++;
    return;
  }
  // The slot is handed over by releaseSlot, so `active` stays counted.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

/** Runs heavy work when a slot is free (an export job: it already runs one at a time per process). */
export async function inHeavySlot<T>(run: () => Promise<T>): Promise<T> {
  await takeSlot();
  try {
    return await run();
  } finally {
    releaseSlot();
  }
}

/** Runs a user's heavy request when a slot is free; refuses one beyond their limit (`busy`, HTTP 429). */
export async function heavyWork<T>(userId: string, run: () => Promise<T>): Promise<T> {
  const mine = underWay.get(userId) ?? 0;
  if (mine >= PER_USER) throw new AppError('busy', 'errors.heavyBusy');
  underWay.set(userId, mine + 1);
  try {
    return await inHeavySlot(run);
  } finally {
    const left = (underWay.get(userId) ?? 1) - 1;
    if (left > 0) underWay.set(userId, left);
    else underWay.delete(userId);
  }
}

/** For tests and the benchmark: how much heavy work is running and waiting. */
export function heavyLoad(): { active: number; waiting: number; users: number } {
  return { active, waiting: waiting.length, users: underWay.size };
}
