import { Alert, Table } from 'antd';
import type { Schemas } from '../../../../shared/client';
import { useSetupText } from './use-setup-text';

type Plan = NonNullable<Schemas['Assessment']['samplePlan']>;

/** What the server drew: the size and where it came from (the formula with this round's numbers), per stratum. */
export function SamplePlan({ plan, seed }: { plan: Plan; seed: string }) {
  const t = useSetupText();
  const rows = Object.entries(plan.strata).map(([name, s]) => ({ name: name === '—' ? t('noStratum') : name, ...s }));
  return (
    <Alert
      type="info"
      title={t('drawn', { population: plan.population, size: plan.size, seed })}
      description={
        <>
          <div>{plan.sizeFrom === 'formula' ? t('sizeFromFormula') : t('sizeFromFixed')}</div>
          {plan.formula && <div style={{ wordBreak: 'break-all', margin: '4px 0' }}>{plan.formula}</div>}
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={rows}
            scroll={{ x: true }}
            columns={[
              { title: t('stratum'), dataIndex: 'name' },
              { title: t('inPopulation'), dataIndex: 'population', align: 'right' },
              { title: t('inSample'), dataIndex: 'drawn', align: 'right' },
            ]}
          />
        </>
      }
    />
  );
}
