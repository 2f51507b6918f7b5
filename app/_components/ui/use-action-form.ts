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
  /** field path → label, for the error summary */
  labels: Partial<Record<string, string>> | ((path: string) => string | undefined);
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

  const flat = flattenErrors(form.formState.errors);
  const labelOf = (path: string) => (typeof opts.labels === 'function' ? opts.labels(path) : opts.labels[path]);
  const items: SummaryItem[] = Object.entries(flat)
    .sort(([a], [b]) => domOrder(a, b))
    .map(([name, message]) => ({ fieldId: name, label: labelOf(name), message }));
  if (formError && !(formError.fieldErrors && Object.keys(formError.fieldErrors).some((k) => k !== '_form'))) {
    items.unshift({ message: formError.error });
  }

  const fieldError = (name: string) => flat[name];

  return { form, onSubmit, summaryRef, summaryItems: items, formError, fieldError, savedAt, conflict };
}

/** react-hook-form's nested errors as "subjects.0.fullName" → message key. */
export function flattenErrors(errors: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors || typeof errors !== 'object') return out;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && prefix) out[prefix] = node.message;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'message' || key === 'type' || key === 'ref' || key === 'types') continue;
    if (value && typeof value === 'object') Object.assign(out, flattenErrors(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/** The summary lists problems in the order their fields appear on the page. */
function domOrder(a: string, b: string): number {
  if (typeof document === 'undefined') return 0;
  const ea = document.getElementById(a);
  const eb = document.getElementById(b);
  if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
  return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
