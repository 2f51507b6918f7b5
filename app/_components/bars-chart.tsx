'use client';

import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
  colour: string;
}

const noChanges = () => () => {};

/** False while rendering on the server and hydrating, true once in the browser. */
const useInBrowser = () => useSyncExternalStore(noChanges, () => true, () => false);

/**
 * A bar chart for sighted users. The same numbers are in the table beside it, which is what
 * screen readers read and people copy: the drawing is hidden from assistive technology. Drawn
 * in the browser only: Recharts sizes its elements with style attributes, which the pages'
 * Content-Security-Policy refuses in server-rendered HTML (set from script, they are allowed).
 */
export function BarsChart({
  data,
  categoryKey,
  series,
  horizontal = false,
  height = 280,
  labelWidth = 110,
}: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: Series[];
  horizontal?: boolean;
  height?: number;
  /** room for the category names of a horizontal chart */
  labelWidth?: number;
}) {
  const inBrowser = useInBrowser();
  if (!inBrowser) return <div aria-hidden="true" className="chart" />;
  return (
    <div aria-hidden="true" className="chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey={categoryKey} width={labelWidth} interval={0} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} />
            </>
          )}
          <Tooltip />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
