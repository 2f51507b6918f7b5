import type { ReactNode } from 'react';

/** One term and its value in a <dl class="summary">; nothing at all when there is no value. */
export function SummaryRow({ label, children, mono, className }: { label: string; children: ReactNode; mono?: boolean; className?: string }) {
  if (children == null || children === '' || children === false) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={[mono ? 'mono' : '', className ?? ''].join(' ').trim() || undefined}>{children}</dd>
    </>
  );
}
