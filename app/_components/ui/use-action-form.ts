'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action';
import type { SummaryItem } from './error-summary';

/**
 * react-hook-form with the feature's zod schema in the browser, and the server action's own
 * re-check mapped back onto the fields. What the user typed is never cleared on failure.
 * A save refused because someone else saved first (optimistic concurrency) exposes the
 * saved record as `conflict`, to be shown with <ConflictDetails>.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>>(opts: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: unknown) => Promise<ActionResult<unknown>>;
  /** field name → label, in the order the fields appear */
  labels: Partial<Record<string, string>>;
  onSuccess?: (data: unknown) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as never,
    defaultValues: opts.defaultValues,
    shouldFocusError: false,
  });
  const summaryRef = useRef<HTMLDivElement>(null);
  const [formError, setFormError] = useState<(ActionResult<unknown> & { ok: false }) | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      setConflict(null);
      const result = await opts.action(values);
      const current = !result.ok && result.error === 'errors.staleVersion' ? (result.details?.current as Record<string, unknown> | undefined) : undefined;
      if (current) {
        // Keep what the user typed; saving again, knowingly, replaces the other person's save.
        setConflict(current);
        form.setValue('version' as Path<z.input<S>>, current.version as never);
      }
      if (result.ok) {
        setSavedAt(new Date());
        opts.onSuccess?.(result.data);
        return;
      }
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (field !== '_form') form.setError(field as Path<z.input<S>>, { type: 'server', message: messages[0] });
      }
      setFormError(result);
      focusSummary();
    },
    () => {
      setFormError(null);
      focusSummary();
    },
  );

  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  // The summary lists problems in the order of the fields on the page (the order of `labels`).
  const order = Object.keys(opts.labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const items: SummaryItem[] = Object.entries(errors)
    .filter(([, e]) => e?.message)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, e]) => ({ fieldId: name, label: opts.labels[name], message: e!.message! }));
  if (formError && !(formError.fieldErrors && Object.keys(formError.fieldErrors).some((k) => k !== '_form'))) {
    items.unshift({ message: formError.error });
  }

  const fieldError = (name: string) => errors[name]?.message;

  return { form, onSubmit, summaryRef, summaryItems: items, formError, fieldError, savedAt, conflict };
}
