import { Form, Input, Radio, Select } from 'antd';
import { type Body, client } from '../../../../shared/client';
import { matches } from '../../../pickers';
import { FormModal } from './FormModal';
import { useAppointmentT } from './messages';
import type { Programme } from './types';

type Values = Body<'/appointment-programmes/{id}/candidates'>['candidates'][number];

/** 推荐 / 自荐: one candidate for one post, from the posts the server says the caller may nominate for. */
export function NominateModal(props: { programme: Programme; postRegionId?: number; open: boolean; onClose: (done: boolean) => void }) {
  const t = useAppointmentT();
  const posts = props.programme.nominatePosts;
  return (
    <FormModal<Values>
      name="nominate"
      title={t('action.nominate')}
      open={props.open}
      onClose={props.onClose}
      initialValues={{ postRegionId: props.postRegionId, nominatedBy: 'township' }}
      send={(v) => client.POST('/appointment-programmes/{id}/candidates', { path: { id: props.programme.id }, body: { candidates: [v] } })}
    >
      {() => (
        <>
          <Form.Item name="postRegionId" label={t('post')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: (input, o) => matches(String(o?.label ?? ''), input) }}
              options={posts.map((p) => ({ value: p.regionId, label: `${p.township} · ${p.name}` }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('personName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="background" label={t('background')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="nominatedBy" label={t('nominatedBy')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'township', label: t('nominatedBy.township') },
                { value: 'self', label: t('nominatedBy.self') },
              ]}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
