import type { FormInstance } from 'antd';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import { DispatchFields } from './DispatchFields';
import type { Choice } from './demand-actions';
import { KnowledgeHints } from './KnowledgeHints';
import { SimilarReplies } from './SimilarReplies';

/** The fields of the form one choice asks for: a unit, a reply, a satisfaction, a reason. */
export function ActionFields({
  verb,
  d,
  units,
  form,
}: {
  verb: Choice;
  d: Schemas['DemandDetail'];
  units: Schemas['Unit'][];
  form: FormInstance;
}) {
  const { t } = useApp();
  return (
    <>
      {verb === 'dispatch' && <DispatchFields demandId={d.id} units={units} hasCategory={d.category !== null} />}
      {verb === 'transfer' && (
        <Form.Item label={t('transferTo')} name="toUnitId" rules={[{ required: true }]}>
          <Select
            options={units.filter((u) => u.id !== d.unit?.id).map((u) => ({ value: u.id, label: u.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      )}
      {verb === 'end-assist' && (
        <Form.Item label={t('assistsTitle')} name="unitId" rules={[{ required: true }]}>
          <Select
            options={d.assists.filter((x) => !x.endedAt && !x.contributedAt).map((x) => ({ value: x.unit.id, label: x.unit.name }))}
          />
        </Form.Item>
      )}
      {verb === 'contribute' && (
        <Form.Item label={t('contribution')} name="contribution" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      )}
      {(verb === 'callback-attempt' || verb === 'remind') && (
        <Form.Item label={t(verb === 'remind' ? 'remindNote' : 'callbackNote')} name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {verb === 'supervise' && (
        <>
          <Form.Item label={t('supervisionLevel')} name="level">
            <Radio.Group options={(['township', 'district'] as const).map((l) => ({ value: l, label: t(`supervision.${l}`) }))} />
          </Form.Item>
          <Form.Item label={t('supervisionDue')} name="dueAt" extra={t('supervisionDueHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      {(verb === 'reply' || verb === 'answer') && (
        <>
          <SimilarReplies demandId={d.id} onQuote={(reply) => form.setFieldValue('reply', reply)} />
          {verb === 'answer' && (
            <>
              <KnowledgeHints
                text={`${d.title} ${d.content}`}
                onUse={(a) => {
                  form.setFieldValue('reply', a.body);
                  form.setFieldValue('knowledgeArticleId', a.id);
                }}
              />
              <Form.Item name="knowledgeArticleId" hidden>
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item label={t('templates')}>
            <Space wrap>
              {(['tpl.fixed', 'tpl.scheduled', 'tpl.explained'] as const).map((k) => (
                <Button key={k} size="small" onClick={() => form.setFieldValue('reply', t(k))}>
                  {t(k).slice(0, 12)}…
                </Button>
              ))}
            </Space>
          </Form.Item>
          <Form.Item label={t('replyText')} name="reply" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
      {(verb === 'callback' || verb === 'merged-callback') && (
        <>
          <Form.Item label={t('satisfaction')} name="satisfaction" rules={[{ required: true }]}>
            <Radio.Group options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => ({ value: s, label: t(s) }))} />
          </Form.Item>
          {/* Asked, not assumed: the resident's word decides 解决率. */}
          <Form.Item label={t('solvedQuestion')} name="solved" rules={[{ required: true, message: t('solvedRequired') }]}>
            <Radio.Group
              options={[
                { value: true, label: t('solvedYes') },
                { value: false, label: t('solvedNo') },
              ]}
            />
          </Form.Item>
          {verb === 'callback' && (
            <Form.Item label={t('callbackComment')} name="comment">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          )}
        </>
      )}
      {verb === 'extension-requests' && (
        <Form.Item label={t('extraWorkdays')} name="extraWorkdays" rules={[{ required: true }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
      )}
      {(verb === 'return' ||
        verb === 'transfer' ||
        verb === 'decline-transfer' ||
        verb === 'reopen' ||
        verb === 'decline' ||
        verb === 'supervise' ||
        verb === 'extension-requests' ||
        verb === 'withdraw' ||
        verb === 'deny') && (
        <Form.Item label={t('reason')} name="reason" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </>
  );
}
