import { Alert, Button, List, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { type Answer, client, type Schemas } from '../../../../shared/client';
import { useApp } from '../../../app-context';
import { Field } from './Field';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];
type Candidate = Schemas['PanelCandidates']['items'][number];
type Role = 'chair' | 'assessor' | 'expert';
type Row = { userId: number | null; role: Role; unitIds: number[]; saved: boolean };
type Saved = Answer<'/assessments/{id}/panel', 'post'>;

/**
 * 评审组: who scores, who chairs, who decides hard cases. Each member never assesses their own unit; the page shows
 * those units before saving (from their accounts) and after (as the server recorded them, with any declared).
 */
export function PanelStep({ round, onChange }: { round: Round; onChange: () => void }) {
  const { t: shared } = useApp();
  const t = useSetupText();
  const [people, setPeople] = useState<Candidate[]>([]);
  const [units, setUnits] = useState<Schemas['Unit'][]>([]);
  const [rows, setRows] = useState<Row[]>(
    round.panel.length
      ? round.panel.map((m) => ({ userId: m.userId, role: m.role, unitIds: [], saved: true }))
      : [{ userId: null, role: 'assessor', unitIds: [], saved: false }],
  );
  const [saved, setSaved] = useState<Saved | null>(null);
  useEffect(() => {
    void client.GET('/assessments/{id}/panel-candidates', { path: { id: round.id } }).then((r) => setPeople(r.items), showError);
    void client.GET('/units').then((r) => setUnits(r.items), showError);
  }, [round.id]);
  const nameOf = (userId: number) => people.find((p) => p.userId === userId)?.name ?? '';
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? '';
  const setRow = (i: number, r: Partial<Row>) => setRows(rows.map((x, k) => (k === i ? { ...x, ...r } : x)));
  const save = async () => {
    try {
      const r = await client.POST('/assessments/{id}/panel', {
        path: { id: round.id },
        body: {
          members: rows.flatMap(({ userId, role, unitIds }) => (userId === null ? [] : [{ userId, role, unitIds }])),
        },
      });
      setSaved(r);
      setRows(rows.map((m) => ({ ...m, saved: true })));
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {rows.map((m, i) => {
        const own = people.find((p) => p.userId === m.userId)?.units ?? [];
        return (
          <Space key={i} wrap align="end" style={{ width: '100%' }}>
            <Field label={`${t('member')} ${i + 1}`}>
              {(id) => (
                <Select
                  id={id}
                  aria-label={`${t('member')} ${i + 1}`}
                  showSearch
                  optionFilterProp="label"
                  disabled={m.saved}
                  value={m.userId}
                  style={{ width: 200, display: 'block' }}
                  onChange={(userId) => setRow(i, { userId })}
                  options={people.map((p) => ({ value: p.userId, label: p.name }))}
                />
              )}
            </Field>
            <Field label={t('memberRole')}>
              {(id) => (
                <Select
                  id={id}
                  aria-label={`${t('memberRole')} ${i + 1}`}
                  value={m.role}
                  style={{ width: 120, display: 'block' }}
                  onChange={(role) => setRow(i, { role })}
                  options={(['chair', 'assessor', 'expert'] as const).map((r) => ({ value: r, label: shared(`part.${r}`) }))}
                />
              )}
            </Field>
            <Field label={t('declaredUnits')}>
              {(id) => (
                <Select
                  id={id}
                  aria-label={`${t('declaredUnits')} ${i + 1}`}
                  mode="multiple"
                  optionFilterProp="label"
                  value={m.unitIds}
                  style={{ width: 240, maxWidth: '100%', display: 'block' }}
                  onChange={(unitIds) => setRow(i, { unitIds })}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                />
              )}
            </Field>
            {!m.saved && rows.length > 1 && <Button onClick={() => setRows(rows.filter((_, k) => k !== i))}>{t('remove')}</Button>}
            {own.length > 0 && (
              <Alert
                type="warning"
                style={{ flexBasis: '100%', padding: '2px 8px' }}
                title={t('handles', { units: own.map((u) => u.name).join('、') })}
              />
            )}
          </Space>
        );
      })}
      <Space wrap>
        <Button onClick={() => setRows([...rows, { userId: null, role: 'assessor', unitIds: [], saved: false }])}>{t('addMember')}</Button>
        <Button type="primary" onClick={() => void save()}>
          {t('savePanel')}
        </Button>
      </Space>
      {saved && (
        <Alert
          type="success"
          title={t('panelSaved')}
          description={
            <List
              size="small"
              dataSource={saved.items}
              renderItem={(m) => (
                <List.Item>
                  {shared(`part.${m.role}`)}{' '}
                  {m.unitIds.length
                    ? t('avoids', { name: nameOf(m.userId), units: m.unitIds.map(unitName).join('、') })
                    : t('noAvoid', { name: nameOf(m.userId) })}
                </List.Item>
              )}
            />
          }
        />
      )}
    </Space>
  );
}
