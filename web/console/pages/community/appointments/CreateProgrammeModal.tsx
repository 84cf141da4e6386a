import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { type Body, client } from '../../../../shared/client';
import { dayFormat, isoDay } from './dates';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { ProgrammeList } from './types';

type Values = Omit<Body<'/appointment-programmes'>, 'targets' | 'duties'> & { duties: string; targets?: { by: Dayjs; percent: number }[] };

/** 选聘办法: a programme with its posts, rules, duty checklist, term and dated coverage targets. */
export function CreateProgrammeModal(props: {
  regions: ProgrammeList['createIn'];
  open: boolean;
  onClose: (done: boolean, id?: number) => void;
}) {
  const t = useAppointmentT();
  const created = useRef<number>(undefined);
  return (
    <FormModal<Values>
      name="programme"
      title={t('newProgramme')}
      open={props.open}
      onClose={(done) => props.onClose(done, created.current)}
      initialValues={{ regionId: props.regions[0]?.id, postKind: 'village', termMonths: 36, targets: [] }}
      send={async (v) => {
        const p = await client.POST('/appointment-programmes', {
          body: {
            name: v.name.trim(),
            regionId: v.regionId,
            postKind: v.postKind,
            rules: v.rules.trim(),
            duties: v.duties
              .split('\n')
              .map((d) => d.trim())
              .filter(Boolean),
            termMonths: v.termMonths,
            targets: (v.targets ?? []).map((x) => ({ by: isoDay(x.by), share: x.percent / 100 })),
          },
        });
        created.current = p.id;
      }}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('programmeName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="regionId" label={t('programmeRegion')} rules={[{ required: true }]}>
            <Select options={props.regions.map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
          <Form.Item name="postKind" label={t('postKind')} rules={[{ required: true }]}>
            <Radio.Group options={(['village', 'community', 'grid'] as const).map((k) => ({ value: k, label: t(`postKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="rules" label={t('rules')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="duties" label={t('dutiesField')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="termMonths" label={t('termMonths')} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} />
          </Form.Item>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('targets')}</legend>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="end">
                    <Form.Item name={[f.name, 'by']} label={t('targetBy')} rules={[{ required: true }]}>
                      <DatePicker format={dayFormat} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'percent']} label={t('targetShare')} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} />
                    </Form.Item>
                    <Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('removeTarget')}</Button>
                    </Form.Item>
                  </Space>
                ))}
                <Form.Item>
                  <Button onClick={() => add()}>{t('addTarget')}</Button>
                </Form.Item>
              </fieldset>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}
