type Point = { month: string; share: number };
type Target = { by: string; share: number };

/** Month-end coverage as a line, with each dated target as a marker: a leader sees at once whether the line clears them. */
export function CoverageChart({ points, targets, title }: { points: Point[]; targets: Target[]; title: string }) {
  if (points.length === 0) return null;
  const w = 560;
  const h = 200;
  const pad = 32;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (share: number) => h - pad - share * (h - 2 * pad);
  const monthIndex = (day: string) => points.findIndex((p) => p.month === day.slice(0, 7));
  return (
    <figure style={{ margin: 0, overflowX: 'auto' }}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${w} ${h}`} style={{ width: '100%', maxWidth: w }}>
        {[0, 0.5, 1].map((s) => (
          <g key={s}>
            <line x1={pad} x2={w - pad} y1={y(s)} y2={y(s)} stroke="#ddd" />
            <text x={2} y={y(s) + 4} fontSize={10} fill="#444">
              {s * 100}%
            </text>
          </g>
        ))}
        <polyline fill="none" stroke="#0b3d91" strokeWidth={2.5} points={points.map((p, i) => `${x(i)},${y(p.share)}`).join(' ')} />
        {points.map((p, i) => (
          <circle key={p.month} cx={x(i)} cy={y(p.share)} r={3} fill="#0b3d91">
            <title>
              {p.month} {Math.round(p.share * 1000) / 10}%
            </title>
          </circle>
        ))}
        {targets.map((t) => {
          const i = monthIndex(t.by);
          if (i < 0) return null;
          return (
            <g key={t.by}>
              <line x1={x(i)} x2={x(i)} y1={pad / 2} y2={h - pad} stroke="#a8071a" strokeDasharray="4 3" />
              <circle cx={x(i)} cy={y(t.share)} r={5} fill="none" stroke="#a8071a" strokeWidth={2} />
              <text x={x(i) - 4} y={pad / 2 + 2} fontSize={10} fill="#a8071a" textAnchor="end">
                {t.by} ≥ {t.share * 100}%
              </text>
            </g>
          );
        })}
        {points.map((p, i) =>
          i % Math.ceil(points.length / 6) === 0 ? (
            <text key={`l-${p.month}`} x={x(i)} y={h - 8} fontSize={10} fill="#444" textAnchor="middle">
              {p.month}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption style={{ fontSize: 12, color: '#444' }}>{title}</figcaption>
    </figure>
  );
}
