import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { BarChartProps } from './BarChart';

// Only the parts the dashboard draws: bars on a category axis (keeps the bundle small).
Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLORS = ['#4f46e5', '#0d9488', '#d97706', '#db2777'];

/**
 * The chart.js part of BarChart.tsx, in its own chunk: loaded only after the
 * figures are first painted.
 */
export default function BarChartCanvas(props: BarChartProps) {
  const dark = typeof document !== 'undefined' && document.documentElement.classList.contains('dark');
  const ink = dark ? '#e2e8f0' : '#0f172a';
  return (
    <div className="h-56" data-testid="chart">
      <Bar
        role="img"
        aria-label={`${props.label}. The table below gives the same figures.`}
        data={{
          labels: [...props.labels],
          datasets: props.series.map((s, i) => ({ label: s.name, data: [...s.values], backgroundColor: COLORS[i % COLORS.length] })),
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { labels: { color: ink } } },
          scales: {
            x: { stacked: props.stacked ?? false, ticks: { color: ink } },
            y: { stacked: props.stacked ?? false, beginAtZero: true, ticks: { color: ink } },
          },
        }}
      />
    </div>
  );
}
