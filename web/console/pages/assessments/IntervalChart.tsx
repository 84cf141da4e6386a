type Bar = { label: string; rate: number; low: number; high: number; n: number };

/**
 * Rates with their 95% intervals as bars and whiskers, drawn as SVG: a leader sees at a glance
 * which stratum lags and how sure the figure is. The axis starts where the lowest interval does.
 */
export function IntervalChart({ bars, title }: { bars: Bar[]; title: string }) {
  if (bars.length === 0) return null;
  const min = Math.max(0, Math.floor(Math.min(...bars.map((b) => b.low)) / 5) * 5 - 5);
  const width = 320;
  const row = 34;
  const left = 0;
  const x = (v: number) => left + ((v - min) / (100 - min)) * width;
  return (
    <figure style={{ margin: 0, maxWidth: '100%', overflowX: 'auto' }}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width + 60} ${bars.length * row + 20}`} style={{ width: '100%', maxWidth: 520 }}>
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0, ${i * row})`}>
            <text x={0} y={11} fontSize={11} fill="#333">
              {b.label}（{b.n}）
            </text>
            <rect x={x(min)} y={15} width={Math.max(1, x(b.rate) - x(min))} height={10} fill="#1677ff" opacity={0.75} />
            <line x1={x(b.low)} x2={x(b.high)} y1={20} y2={20} stroke="#111" strokeWidth={1.5} />
            <line x1={x(b.low)} x2={x(b.low)} y1={16} y2={24} stroke="#111" />
            <line x1={x(b.high)} x2={x(b.high)} y1={16} y2={24} stroke="#111" />
            <text x={x(b.high) + 4} y={24} fontSize={11} fill="#111">
              {b.rate}%
            </text>
          </g>
        ))}
        <text x={0} y={bars.length * row + 14} fontSize={10} fill="#555">
          {min}%
        </text>
        <text x={width - 24} y={bars.length * row + 14} fontSize={10} fill="#555">
          100%
        </text>
      </svg>
      <figcaption style={{ fontSize: 12, color: '#555' }}>{title}</figcaption>
    </figure>
  );
}
