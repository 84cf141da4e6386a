import { Button, Card, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { usePageMessages } from '../../page-messages';
import { similarRepliesMessages } from './similar-replies-messages';

type Item = Schemas['SimilarReplies']['items'][number];

/**
 * 类案答复: what the district already replied to the answered demands most like this one (the server
 * picks them among those the caller may see); 引用 puts a reply into the reply field to adapt.
 */
export function SimilarReplies({ demandId, onQuote }: { demandId: number; onQuote: (reply: string) => void }) {
  const t = usePageMessages(similarRepliesMessages);
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    void client.GET('/demands/{id}/similar-replies', { path: { id: demandId }, query: { limit: 3 } }).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [demandId]);
  if (!items.length) return null;
  return (
    <Card
      size="small"
      title={t('title')}
      extra={<Typography.Text type="secondary">{t('hint')}</Typography.Text>}
      style={{ marginBottom: 12 }}
      data-testid="similar-replies"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="quote" size="small" onClick={() => onQuote(r.replyText)} aria-label={`${t('quote')} ${r.number}`}>
                {t('quote')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={[8, 0]}>
                  <a href={`#/demand/${r.id}`} target="_blank" rel="noreferrer">
                    {r.number}
                  </a>
                  <Typography.Text type="secondary">{r.unitName ?? t('noUnit')}</Typography.Text>
                  {r.repliedAt && <Typography.Text type="secondary">{r.repliedAt.slice(0, 10)}</Typography.Text>}
                  <Typography.Text type="secondary">{t('similarity', { p: Math.round(r.similarity * 100) })}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('more') }} style={{ marginBottom: 0 }}>
                    {r.replyText}
                  </Typography.Paragraph>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
