import { Form, Input, InputNumber, Modal, message, Select } from 'antd';
import { useState } from 'react';
import { type Body, client } from '../../../../shared/client';
import { useCourseMessages } from './messages';
import { errorText, regionOptions, useRegions } from './shared';

type PlanInput = Body<'/training-plans'>;

/** 提交年度培训计划: a draft the advisory committee then reviews. */
export function PlanForm({ open, year, onClose, onDone }: { open: boolean; year: number; onClose: () => void; onDone: () => void }) {
  const t = useCourseMessages();
  const regions = useRegions();
  const [form] = Form.useForm<PlanInput>();
  const [busy, setBusy] = useState(false);
  const options = regionOptions(regions, ['district', 'township']);
  const submit = async (v: PlanInput) => {
    setBusy(true);
    try {
      await client.POST('/training-plans', { body: v });
      message.success(t('planSubmitted'));
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('submitPlan')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="plan" layout="vertical" onFinish={submit} initialValues={{ year }}>
        <Form.Item name="title" label={t('planTitle')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="year" label={t('planYear')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="organiser" label={t('planOrganiser')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        {/* The region is picked once the list has come, so the first one can stand as the default. */}
        {options.length > 0 && (
          <Form.Item
            name="regionId"
            label={t('planRegion')}
            rules={[{ required: true, message: t('required') }]}
            initialValue={options[0].value}
          >
            <Select options={options} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
