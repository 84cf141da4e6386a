import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useApp } from '../app-context';

type Rates = Record<'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'onTimeClosureRate' | 'score', number | null>;
type Row = { unitId: number; unitName: string; rank: number | null; rates: Rates; counts: { dispatched: number } };
const rateKeys = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeClosureRate'] as const;
const colours = { responseRate: '#0b3d91', resolutionRate: '#237804', satisfactionRate: '#ad4e00', onTimeClosureRate: '#722ed1' } as const;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** 排名: each unit's composite score as a bar, ranked first; units under the minimum volume greyed, as the rule says. */
export function RankingBars({ rows }: { rows: Row[] }) {
  const { t } = useApp();
  const shown = rows.filter((r) => r.rates.score !== null).slice(0, 30);
  if (shown.length === 0) return null;
  const w = 560;
  const row = 22;
  const label = 150;
  return (
    <figure style={{ margin: '0 0 16px', overflowX: 'auto' }}>
      <svg
        role="img"
        aria-label={t('rateRankingChart')}
        viewBox={`0 0 ${w} ${shown.length * row + 8}`}
        style={{ width: '100%', maxWidth: w }}
      >
        {shown.map((r, i) => {
          const width = (w - label - 50) * (r.rates.score ?? 0);
          return (
            <g key={r.unitId} transform={`translate(0, ${i * row})`}>
              <text x={label - 6} y={15} fontSize={11} textAnchor="end" fill="#222">
                {r.rank ? `${r.rank}. ` : ''}
                {r.unitName.length > 12 ? `${r.unitName.slice(0, 11)}…` : r.unitName}
              </text>
              <rect x={label} y={4} width={width} height={14} fill={r.rank ? '#0b3d91' : '#bfbfbf'}>
                <title>
                  {r.unitName} {pct(r.rates.score ?? 0)}
                  {r.rank ? '' : ` — ${t('unranked')}`}
                </title>
              </rect>
              <text x={label + width + 4} y={15} fontSize={11} fill="#222">
                {pct(r.rates.score ?? 0)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 12, color: '#444' }}>
        {t('rateRankingChart')}（{t('unrankedGrey')}）
      </figcaption>
    </figure>
  );
}

/** 趋势: the district's four rates over the last six months, a line each. */
export function TrendChart({ month }: { month: string }) {
  const { t } = useApp();
  const [points, setPoints] = useState<{ month: string; rates: Rates }[]>([]);
  useEffect(() => {
    const [y, m] = month.split('-').map(Number);
    const months = Array.from({ length: 6 }, (_, i) => {
      const d = new Date(Date.UTC(y, m - 6 + i, 1));
      return d.toISOString().slice(0, 7);
    });
    void Promise.all(
      months.map((mm) => api<{ total: { rates: Rates } }>('GET', `/rates?month=${mm}`).then((r) => ({ month: mm, rates: r.total.rates }))),
    ).then(setPoints);
  }, [month]);
  if (points.length === 0) return null;
  const w = 560;
  const h = 180;
  const pad = 30;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / (points.length - 1);
  const y = (v: number) => h - pad - v * (h - 2 * pad);
  return (
    <figure style={{ margin: '0 0 16px', overflowX: 'auto' }}>
      <svg role="img" aria-label={t('rateTrendChart')} viewBox={`0 0 ${w} ${h}`} style={{ width: '100%', maxWidth: w }}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={pad} x2={w - pad} y1={y(v)} y2={y(v)} stroke="#e5e5e5" />
            <text x={2} y={y(v) + 4} fontSize={10} fill="#444">
              {v * 100}%
            </text>
          </g>
        ))}
        {rateKeys.map((k) => {
          const line = points.map((p, i) => (p.rates[k] === null ? null : `${x(i)},${y(p.rates[k] ?? 0)}`)).filter(Boolean);
          return line.length ? (
            <g key={k}>
              <polyline fill="none" stroke={colours[k]} strokeWidth={2} points={line.join(' ')} />
              {points.map((p, i) =>
                p.rates[k] === null ? null : (
                  <circle key={p.month} cx={x(i)} cy={y(p.rates[k] ?? 0)} r={3} fill={colours[k]}>
                    <title>
                      {p.month} {t(k)} {pct(p.rates[k] ?? 0)}
                    </title>
                  </circle>
                ),
              )}
            </g>
          ) : null;
        })}
        {points.map((p, i) => (
          <text key={p.month} x={x(i)} y={h - 8} fontSize={10} textAnchor="middle" fill="#444">
            {p.month}
          </text>
        ))}
      </svg>
      <figcaption style={{ fontSize: 12, color: '#444' }}>
        {t('rateTrendChart')}：
        {rateKeys.map((k) => (
          <span key={k} style={{ color: colours[k], marginRight: 8 }}>
            ■ {t(k)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
