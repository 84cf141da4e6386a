import { Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Answer } from '../../../shared/client';
import { useApp } from '../../app-context';
import { useNarrow } from '../../use-narrow';

export type Suggestions = Answer<'/demands/{id}/suggestions', 'get'>;

/** 智能建议 for a dispatcher: likely categories, units with the reason, and duplicates to merge into. */
export function SuggestionsCard({
  suggestions,
  onDispatch,
  onMerge,
}: {
  suggestions: Suggestions;
  onDispatch: (preset: { unitId: number; categoryId?: number }) => void;
  onMerge: (intoDemandId: number) => void;
}) {
  const { t } = useApp();
  // On a phone each label sits above its suggestions, which wrap: the reasons get the screen's width.
  const narrow = useNarrow();
  return (
    <Card title={t('suggestions')} style={{ marginTop: 16 }} data-testid="suggestions">
      <Descriptions column={1} size="small" layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('category')}>
          <Space wrap>
            {suggestions.categories.map((c) => (
              <Tag key={c.categoryId}>
                {c.name} · {Math.round(c.confidence * 100)}%
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('unit')}>
          <Space direction="vertical">
            {suggestions.units.map((u) => (
              <Space key={u.unitId} wrap>
                <Button size="small" onClick={() => onDispatch({ unitId: u.unitId, categoryId: suggestions.categories[0]?.categoryId })}>
                  {t('dispatch')} → {u.name}
                </Button>
                <Typography.Text type="secondary">
                  {t('suggestReason')
                    .replace('{category}', u.because.categoryName)
                    .replace('{p}', String(Math.round(u.because.confidence * 100)))
                    .replace('{n}', String(u.because.dispatched))
                    .replace('{r}', String(u.because.returned))}
                </Typography.Text>
              </Space>
            ))}
          </Space>
        </Descriptions.Item>
        {suggestions.duplicates.length > 0 && (
          <Descriptions.Item label={t('duplicates')}>
            <Space direction="vertical">
              {suggestions.duplicates.map((x) => (
                <Space key={x.id} wrap>
                  <a href={`#/demand/${x.id}`}>
                    {x.number} {x.title}
                  </a>
                  <Typography.Text type="secondary">{Math.round(x.similarity * 100)}%</Typography.Text>
                  <Popconfirm
                    title={t('mergeConfirm').replace('{number}', x.number)}
                    onConfirm={() => onMerge(x.id)}
                    okText={t('confirm')}
                    cancelText={t('cancel')}
                  >
                    <Button size="small">{t('mergeInto')}</Button>
                  </Popconfirm>
                </Space>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
