import { Button, Card, Input, InputNumber, message, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type Body, client, type Schemas } from '../../../../shared/client';
import { Field } from './Field';
import { showError, useSetupText } from './use-setup-text';

type Rubric = Schemas['AssessmentRubric'];
type RubricItem = Body<'/assessment-rubrics'>['aspects'][number]['items'][number];
// The form's numbers stay empty (null) until typed.
type ItemDraft = Omit<RubricItem, 'key' | 'max' | 'weight'> & { max: number | null; weight: number | null };
type AspectDraft = { name: string; items: ItemDraft[] };

const blankItem = (): ItemDraft => ({ name: '', kind: 'pass_fail', max: null, weight: null });

/**
 * 评分细则: aspects, each with pass/fail or scored items (a scored item has a max and a weight). The person names
 * things; the codes the API keys them by are made here from their positions, so no code is ever typed or shown.
 */
export function RubricEditor({ initialName = '', onSaved }: { initialName?: string; onSaved: (r: Rubric) => void }) {
  const t = useSetupText();
  const [name, setName] = useState(initialName);
  const [aspects, setAspects] = useState<AspectDraft[]>([{ name: '', items: [blankItem()] }]);
  const [busy, setBusy] = useState(false);
  const setAspect = (i: number, a: AspectDraft) => setAspects(aspects.map((x, k) => (k === i ? a : x)));
  const setItem = (i: number, j: number, item: ItemDraft) =>
    setAspect(i, { ...aspects[i], items: aspects[i].items.map((x, k) => (k === j ? item : x)) });
  const save = async () => {
    setBusy(true);
    try {
      const r = await client.POST('/assessment-rubrics', {
        body: {
          name,
          aspects: aspects.map((a, i) => ({
            key: `a${i + 1}`,
            name: a.name,
            items: a.items.map((item, j) => ({
              key: `a${i + 1}_${j + 1}`,
              name: item.name,
              kind: item.kind,
              ...(item.kind === 'scale' ? { max: item.max ?? undefined, weight: item.weight ?? undefined } : {}),
            })),
          })),
        },
      });
      void message.success(t('rubricSaved', { name: r.name, v: r.version }));
      onSaved(r);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Field label={t('rubricName')}>
        {(id) => <Input id={id} value={name} onChange={(e) => setName(e.target.value)} aria-describedby="rubric-name-help" />}
      </Field>
      <Typography.Text type="secondary" id="rubric-name-help">
        {t('rubricNameHelp')}
      </Typography.Text>
      {aspects.map((a, i) => (
        <Card
          key={i}
          size="small"
          title={t('aspect', { n: i + 1 })}
          extra={
            aspects.length > 1 && (
              <Button size="small" onClick={() => setAspects(aspects.filter((_, k) => k !== i))}>
                {t('remove')}
              </Button>
            )
          }
        >
          <Input
            aria-label={`${t('aspect', { n: i + 1 })} ${t('aspectName')}`}
            placeholder={t('aspectName')}
            value={a.name}
            onChange={(e) => setAspect(i, { ...a, name: e.target.value })}
            style={{ marginBottom: 8 }}
          />
          {a.items.map((item, j) => (
            <Space key={j} wrap style={{ marginBottom: 8, width: '100%' }} className="rubric-item">
              <Input
                aria-label={`${t('aspect', { n: i + 1 })} ${t('itemName')} ${j + 1}`}
                placeholder={t('itemName')}
                value={item.name}
                style={{ width: 220, maxWidth: '100%' }}
                onChange={(e) => setItem(i, j, { ...item, name: e.target.value })}
              />
              <Select
                aria-label={`${t('aspect', { n: i + 1 })} ${t('itemKind')} ${j + 1}`}
                value={item.kind}
                style={{ width: 140 }}
                onChange={(kind) => setItem(i, j, { ...item, kind, max: kind === 'scale' ? (item.max ?? 10) : null })}
                options={(['pass_fail', 'scale'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
              {item.kind === 'scale' && (
                <>
                  <InputNumber
                    aria-label={`${t('aspect', { n: i + 1 })} ${t('itemMax')} ${j + 1}`}
                    placeholder={t('itemMax')}
                    prefix={t('itemMax')}
                    min={1}
                    max={1000}
                    value={item.max}
                    onChange={(max) => setItem(i, j, { ...item, max })}
                  />
                  <InputNumber
                    aria-label={`${t('aspect', { n: i + 1 })} ${t('itemWeight')} ${j + 1}`}
                    placeholder="1"
                    prefix={t('itemWeight')}
                    min={0.1}
                    max={100}
                    step={0.1}
                    value={item.weight}
                    onChange={(weight) => setItem(i, j, { ...item, weight })}
                  />
                </>
              )}
              {a.items.length > 1 && (
                <Button size="small" onClick={() => setAspect(i, { ...a, items: a.items.filter((_, k) => k !== j) })}>
                  {t('remove')}
                </Button>
              )}
            </Space>
          ))}
          <Button size="small" onClick={() => setAspect(i, { ...a, items: [...a.items, blankItem()] })}>
            {t('addItem')}
          </Button>
        </Card>
      ))}
      <Space wrap>
        <Button onClick={() => setAspects([...aspects, { name: '', items: [blankItem()] }])}>{t('addAspect')}</Button>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('saveRubric')}
        </Button>
      </Space>
    </Space>
  );
}
