import { Form, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { categoryOption, useCategorySearch } from '../../category-search';
import { matches } from '../../pickers';

type Preview = Schemas['DispatchPreview'];
type Category = Schemas['Category'];

/**
 * 派单 as a hotline runs it: category (the server refuses a dispatch without one), urgency, the lead unit
 * and assisting units, the instructions, and the deadlines this dispatch would set, asked of the server.
 */
export function DispatchFields({ demandId, units, hasCategory }: { demandId: number; units: Schemas['Unit'][]; hasCategory: boolean }) {
  const { t, lang } = useApp();
  const form = Form.useFormInstance();
  const [categories, setCategories] = useState<Category[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const categoryId = Form.useWatch('categoryId', form) as number | undefined;
  const urgency = Form.useWatch('urgency', form) as Schemas['Demand']['urgency'] | undefined;
  const lead = Form.useWatch('unitId', form) as number | undefined;
  useEffect(() => {
    void client.GET('/categories').then((r) => setCategories(r.items));
  }, []);
  useEffect(() => {
    const query = { categoryId, urgency, unitId: lead };
    void client.GET('/demands/{id}/dispatch-preview', { path: { id: demandId }, query }).then(setPreview, () => setPreview(null));
  }, [demandId, categoryId, urgency, lead]);
  const categorySearch = useCategorySearch(matches);
  const categoryOptions = useMemo(() => categories.filter((c) => c.level === 3).map(categoryOption), [categories]);
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      {/* The server says when a category is missing (a unit owning one category files it there itself). */}
      <Form.Item label={t('category')} name="categoryId">
        <Select
          allowClear
          showSearch={categorySearch}
          options={categoryOptions}
          placeholder={hasCategory ? t('keepCategory') : t('categoryRequired')}
        />
      </Form.Item>
      <Form.Item label={t('urgency')} name="urgency">
        <Select allowClear options={(['normal', 'emergency'] as const).map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
      </Form.Item>
      <Form.Item label={t('leadUnit')} name="unitId">
        <Select allowClear placeholder={t('firstResponsible')} options={unitOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item label={t('assistingUnits')} name="assistingUnitIds">
        <Select
          mode="multiple"
          maxCount={5}
          options={unitOptions.filter((u) => u.value !== lead)}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label={t('dispatchNote')} name="note">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {preview && (
        <Typography.Paragraph type="secondary" data-testid="dispatch-due">
          {t('dispatchDue')
            .replace('{ack}', formatTime(preview.acknowledgeDueAt, lang))
            .replace('{reply}', formatTime(preview.replyDueAt, lang))}
        </Typography.Paragraph>
      )}
    </>
  );
}
