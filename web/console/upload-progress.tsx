import { Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Schemas } from '../shared/client';
import { useApp } from './app-context';

type RunProgress = Schemas['RunProgress'];

/**
 * While an upload's request is open, asks the server how far it has got (reading the file, checking,
 * writing) and draws it as a bar: a 100,000-row file takes a while, and a bar says it is moving.
 */
export function UploadProgress({ poll }: { poll: (() => Promise<RunProgress>) | null }) {
  const { t } = useApp();
  const [p, setP] = useState<RunProgress | null>(null);
  useEffect(() => {
    setP(null);
    if (!poll) return;
    let stopped = false;
    const tick = async () => {
      const next = await poll().catch(() => null);
      if (stopped) return;
      if (next) setP(next);
      timer = setTimeout(() => void tick(), 700);
    };
    let timer = setTimeout(() => void tick(), 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [poll]);
  if (!poll) return null;
  const phase = p?.phase ?? 'idle';
  return (
    <div role="status" aria-live="polite" style={{ maxWidth: 480, width: '100%' }}>
      <Typography.Text type="secondary">
        {t(`uploadPhase.${phase}`)}
        {p && p.rows > 0 ? ` · ${t('uploadRows').replace('{n}', p.rows.toLocaleString('zh-CN'))}` : ''}
      </Typography.Text>
      <Progress percent={p?.percent ?? 0} status="active" />
    </div>
  );
}
