import '../../i18n/areas/running';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-dashboard';

// The dashboard's charts of attendance and no-shows by week, drawn on the server.

type Week = Route.ComponentProps['loaderData']['weeks'][number];

/** A bar chart of a weekly rate (0–100 %), drawn on the server; weeks without records have no bar. */
export function RateChart({ id, title, desc, weeks, axis, rate, text }: { id: string; title: string; desc: string; weeks: Week[]; axis: string[]; rate: (w: Week) => number | null; text: (w: Week) => string | null }) {
  const { t } = useTranslation();
  const W = 640;
  const H = 240;
  const left = 44;
  const bottom = 36;
  const top = 12;
  const plotH = H - bottom - top;
  const step = (W - left - 8) / weeks.length;
  const y = (r: number) => top + plotH * (1 - r);
  const latest = [...weeks].reverse().find((w) => rate(w) != null);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {desc} {latest ? t('running.dashboard.summaryLine', { week: latest.label, rate: text(latest) ?? '' }) : t('running.dashboard.noData')}
        </desc>
        {[0, 0.5, 1].map((r, i) => (
          <g key={r}>
            <line x1={left} x2={W - 8} y1={y(r)} y2={y(r)} stroke="#b8c2bd" strokeWidth="1" />
            <text x={left - 6} y={y(r) + 4} textAnchor="end" fontSize="12" fill="#3d4742">
              {axis[i]}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const r = rate(w);
          const x = left + i * step + step * 0.15;
          return (
            <g key={w.label}>
              {r == null ? (
                <text x={x + step * 0.35} y={y(0) - 4} textAnchor="middle" fontSize="12" fill="#3d4742">
                  –
                </text>
              ) : (
                <rect x={x} y={y(r)} width={step * 0.7} height={Math.max(1, plotH * r)} fill="#2f6b4f" />
              )}
              {i % 2 === weeks.length % 2 && (
                <text x={x + step * 0.35} y={H - bottom + 18} textAnchor="middle" fontSize="11" fill="#3d4742">
                  {w.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The two weekly charts and the same numbers as a table. */
export function Trends({ weeks, axis }: { weeks: Week[]; axis: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('running.dashboard.trendsLead')}</p>
      <h3>{t('running.dashboard.attendanceChart')}</h3>
      <RateChart
        id="attendance-chart"
        title={t('running.dashboard.attendanceChart')}
        desc={t('running.dashboard.attendanceDesc')}
        weeks={weeks}
        axis={axis}
        rate={(w) => w.attendanceRate}
        text={(w) => w.attendanceText}
      />
      <h3>{t('running.dashboard.noShowChart')}</h3>
      <RateChart
        id="no-show-chart"
        title={t('running.dashboard.noShowChart')}
        desc={t('running.dashboard.noShowDesc')}
        weeks={weeks}
        axis={axis}
        rate={(w) => w.noShowRate}
        text={(w) => w.noShowText}
      />
      <details>
        <summary>{t('running.dashboard.tableToggle')}</summary>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('running.dashboard.trends')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('running.dashboard.weekOf')}</th>
                <th scope="col">{t('running.dashboard.recorded')}</th>
                <th scope="col">{t('running.dashboard.present')}</th>
                <th scope="col">{t('running.dashboard.absent')}</th>
                <th scope="col">{t('running.dashboard.attendanceChart')}</th>
                <th scope="col">{t('running.dashboard.noShowChart')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.label}>
                  <th scope="row">{w.label}</th>
                  <td>{w.recorded}</td>
                  <td>{w.present}</td>
                  <td>{w.absent}</td>
                  <td>{w.attendanceText ?? t('running.dashboard.noRecords')}</td>
                  <td>{w.noShowText ?? t('running.dashboard.noRecords')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
