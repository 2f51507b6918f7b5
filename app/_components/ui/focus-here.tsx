'use client';

import { useEffect, useRef } from 'react';

/**
 * A message that takes the focus when it appears (a case created, a report's problems), so a
 * keyboard or screen-reader user lands on what just happened instead of the top of the page.
 */
export function FocusHere({ className, role, labelledBy, children }: { className: string; role: 'status' | 'alert'; labelledBy?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className={className} role={role} aria-labelledby={labelledBy} tabIndex={-1}>
      {children}
    </div>
  );
}
