import { Button, Card, List, Select, Space } from 'antd';
import { useState } from 'react';
import { EmptyText } from './EmptyText';
import { useAppointmentT } from './messages';
import { PersonFacts } from './PersonFacts';
import { StepButtons } from './StepButtons';
import type { AppointeeRow, Programme, Step } from './types';

const states: AppointeeRow['state'][] = ['nominated', 'approved', 'appointed', 'rejected', 'dismissed'];

/** 人选与在任人员 by post, filtered by state; on each person the steps the server offers, and the way to their record. */
export function PeopleCard(props: {
  programme: Programme;
  rows: AppointeeRow[];
  onStep: (step: Step, who: AppointeeRow) => void;
  onNominate: () => void;
  onDecide: () => void;
  onOpen: (who: AppointeeRow) => void;
}) {
  const t = useAppointmentT();
  const [state, setState] = useState<AppointeeRow['state'] | 'all'>('all');
  const shown = state === 'all' ? props.rows : props.rows.filter((r) => r.state === state);
  const may = props.programme.allowedActions;
  return (
    <Card title={t('people')} style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('stateFilter')}
          value={state}
          onChange={setState}
          style={{ minWidth: 180 }}
          options={[
            { value: 'all', label: t('allStates', { n: props.rows.length }) },
            ...states.map((s) => ({
              value: s,
              label: t('stateCount', { state: t(`state.${s}`), n: props.programme.counts[s] ?? 0 }),
            })),
          ]}
        />
        {may.includes('nominate') && (
          <Button data-action="nominate" onClick={props.onNominate}>
            {t('action.nominate')}
          </Button>
        )}
        {may.includes('appoint') && (
          <Button data-action="decide" onClick={props.onDecide}>
            {t('action.decide')}
          </Button>
        )}
      </Space>
      <List
        dataSource={shown}
        locale={{ emptyText: <EmptyText>{t('nobody')}</EmptyText> }}
        pagination={shown.length > 30 ? { pageSize: 30, size: 'small' } : false}
        renderItem={(r) => (
          <List.Item data-person={r.name}>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
                <strong>{r.post}</strong>
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => props.onOpen(r)}>
                  {r.name}
                </Button>
              </div>
              <PersonFacts who={r} />
              <div style={{ marginTop: 6 }}>
                <StepButtons who={r} onStep={props.onStep} />
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
