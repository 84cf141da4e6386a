import { Button, Card, Input, List, message, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';

type Round = Schemas['Assessment'];

/** 专家会诊: hard cases referred by the assessors; an expert's finding is final and needs its reasons. */
export function ConsultationsCard({ round, onChange }: { round: Round; onChange: () => void }) {
  const { t } = useApp();
  const [draft, setDraft] = useState<Record<number, { passed?: boolean; finding?: string }>>({});
  const canDecide = round.allowedSteps.includes('decide');
  const itemName = new Map(round.rubric.aspects.flatMap((a) => a.items.map((i) => [i.key, i] as const)));
  if (round.consultations.length === 0) return null;
  const decide = async (id: number, itemKey: string) => {
    const d = draft[id] ?? {};
    const item = itemName.get(itemKey);
    try {
      await client.POST('/assessment-consultations/{id}/decision', {
        path: { id },
        body: item?.kind === 'pass_fail' ? { passed: d.passed, finding: d.finding ?? '' } : { finding: d.finding ?? '' },
      });
      onChange();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card title={t('consultations')} style={{ marginBottom: 16 }}>
      <List
        dataSource={round.consultations}
        renderItem={(c) => (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{c.subject}</strong>
                {c.ref !== c.subject && <span>{c.ref}</span>}
                <Tag>{itemName.get(c.itemKey)?.name ?? c.itemKey}</Tag>
                <Tone tone={c.status === 'open' ? 'orange' : 'green'}>
                  {c.status === 'open' ? t('consultationOpen') : t('consultationDecided')}
                </Tone>
                {c.passed !== null && <Tone tone={c.passed ? 'green' : 'red'}>{c.passed ? t('outcome.pass') : t('outcome.fail')}</Tone>}
              </Space>
              <div>{c.question}</div>
              {c.finding && (
                <div>
                  {t('finding')}：{c.finding}
                </div>
              )}
              {canDecide && c.status === 'open' && (
                <Space wrap style={{ width: '100%' }}>
                  <Radio.Group
                    aria-label={t('finding')}
                    optionType="button"
                    onChange={(e) => setDraft({ ...draft, [c.id]: { ...draft[c.id], passed: e.target.value === 'pass' } })}
                    options={[
                      { value: 'pass', label: t('outcome.pass') },
                      { value: 'fail', label: t('outcome.fail') },
                    ]}
                  />
                  <Input
                    aria-label={t('finding')}
                    placeholder={t('finding')}
                    style={{ minWidth: 220 }}
                    onChange={(e) => setDraft({ ...draft, [c.id]: { ...draft[c.id], finding: e.target.value } })}
                  />
                  <Button type="primary" onClick={() => void decide(c.id, c.itemKey)}>
                    {t('decide')}
                  </Button>
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
