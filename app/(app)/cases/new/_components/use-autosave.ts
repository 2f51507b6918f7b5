'use client';

import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { saveDraftAction } from '../../actions';

export type AutosaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; signedOut: boolean };

const BACKUP_KEY = (id: string) => `payung.draft.${id || 'new'}`;

/**
 * Saves the intake as a server-side draft shortly after the officer stops typing. If the
 * save fails (session ended, network), a copy stays in this browser until the next save works.
 */
export function useAutosave(form: UseFormReturn<never>, initialId: string, delayMs = 1200) {
  const [draftId, setDraftId] = useState(initialId);
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const idRef = useRef(initialId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === 'draftId' || stopped.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        await inFlight.current;
        if (stopped.current) return;
        setState({ kind: 'saving' });
        const data = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
        const request = saveDraftAction({ id: idRef.current, data }).catch(() => null);
        inFlight.current = request;
        const result = await request;
        if (result?.ok) {
          idRef.current = result.data.id;
          setDraftId(result.data.id);
          form.setValue('draftId' as never, result.data.id as never);
          window.localStorage.removeItem(BACKUP_KEY(result.data.id));
          window.localStorage.removeItem(BACKUP_KEY(''));
          if (!window.location.search.includes(result.data.id)) window.history.replaceState(null, '', `/cases/new?draft=${result.data.id}`);
          setState({ kind: 'saved', at: new Date(result.data.savedAt) });
        } else {
          window.localStorage.setItem(BACKUP_KEY(idRef.current), JSON.stringify({ savedAt: Date.now(), data }));
          setState({ kind: 'failed', signedOut: result?.code === 'unauthenticated' });
        }
      }, delayMs);
    });
    return () => {
      subscription.unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form, delayMs]);

  /** After the case is created: no more saves (the draft is now the case). */
  const stop = () => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
  };

  return { draftId, state, stop };
}

/** A copy kept in this browser when the last save failed, newer than the server's draft. */
export function browserBackup(id: string, serverSavedAt: Date | null): Record<string, unknown> | null {
  try {
    const raw = window.localStorage.getItem(BACKUP_KEY(id));
    if (!raw) return null;
    const backup = JSON.parse(raw) as { savedAt: number; data: Record<string, unknown> };
    return !serverSavedAt || backup.savedAt > serverSavedAt.getTime() ? backup.data : null;
  } catch {
    return null;
  }
}
