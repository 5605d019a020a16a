import { lazy, Suspense, useEffect, useState } from 'react';

export interface BarChartProps {
  label: string;
  labels: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
  stacked?: boolean;
}

// chart.js is a fifth of the page's script: fetched, run and drawn only once the figures are on screen.
const BarChartCanvas = lazy(() => import('./BarChartCanvas'));

/**
 * A bar chart for a manager who would rather look than read. The canvas is an
 * image to assistive technology, named by `label`, and every chart on the
 * dashboard sits beside the table of the same figures (its text alternative),
 * which is why the chart can come a moment after the table: the space it
 * takes is held from the start, so nothing moves when it is drawn.
 */
export function BarChart(props: BarChartProps) {
  const painted = useAfterFirstPaint();
  const space = <div className="h-56" data-testid="chart-pending" aria-hidden="true" />;
  if (!painted) return space;
  return (
    <Suspense fallback={space}>
      <BarChartCanvas {...props} />
    </Suspense>
  );
}

/** `false` until the browser has painted the frame after the first render (at once in a hidden page, which paints nothing). */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (document.visibilityState === 'hidden') return setPainted(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
