import { Space, Tag } from 'antd';
import { useSetupText } from './use-setup-text';

/** How many records each stratum holds, as the server counted them ('—' is the server's word for none). */
export function StrataCounts({ strata }: { strata: Record<string, number> }) {
  const t = useSetupText();
  return (
    <div>
      {t('strataCounts')}：
      <Space wrap size={4}>
        {Object.entries(strata).map(([name, n]) => (
          <Tag key={name}>
            {name === '—' ? t('noStratum') : name} {n}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
