import { Button, Card, Input, message, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { asItStands } from '../../../../shared/form-body';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];
type Subject = Schemas['AssessmentSubjectsPage']['items'][number];

/** 提请专家会诊: a hard case (a subject's item) goes to the experts, whose finding is final. */
export function ReferCase({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [open, setOpen] = useState(false);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [itemKey, setItemKey] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const panelMember = round.myParts.some((p) => p === 'chair' || p === 'assessor');
  useEffect(() => {
    if (!open) return;
    const query = { limit: 500, mine: panelMember ? ('true' as const) : undefined };
    void client.GET('/assessments/{id}/subjects', { path: { id: round.id }, query }).then((r) => setSubjects(r.items), showError);
  }, [open, round.id, panelMember]);
  const send = async () => {
    try {
      await client.POST('/assessments/{id}/consultations', { path: { id: round.id }, body: asItStands({ subjectId, itemKey, question }) });
      void message.success(t('referSent'));
      setQuestion('');
      setOpen(false);
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  if (!open)
    return (
      <Button style={{ marginBottom: 16 }} className="no-print" onClick={() => setOpen(true)}>
        {t('refer')}
      </Button>
    );
  return (
    <Card title={t('refer')} style={{ marginBottom: 16 }} className="no-print">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={t('referSubject')}
          placeholder={t('referSubject')}
          showSearch
          optionFilterProp="label"
          value={subjectId}
          onChange={setSubjectId}
          options={subjects.map((s) => ({ value: s.id, label: s.name === s.ref ? s.name : `${s.name}（${s.ref}）` }))}
        />
        <Select
          aria-label={t('referItem')}
          placeholder={t('referItem')}
          value={itemKey}
          onChange={setItemKey}
          options={round.rubric.aspects.flatMap((a) => a.items.map((i) => ({ value: i.key, label: `${a.name} · ${i.name}` })))}
        />
        <Input.TextArea
          aria-label={t('referQuestion')}
          placeholder={t('referQuestion')}
          rows={3}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <Space wrap>
          <Button type="primary" onClick={() => void send()}>
            {t('referSend')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
