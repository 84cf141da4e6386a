import { Button, Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';

type Article = Schemas['KnowledgeArticle'];

/**
 * 知识库参考: approved answers that speak to what the resident asks, found while the operator
 * types (the server ranks them; synonyms such as 八十 → 高龄津贴 are its business).
 */
export function KnowledgeHints({ text, onUse }: { text: string; onUse?: (a: Article) => void }) {
  const { t } = useApp();
  const [items, setItems] = useState<Article[]>([]);
  useEffect(() => {
    const q = text.trim().slice(0, 100);
    if (q.length < 4) {
      setItems([]);
      return;
    }
    const timer = setTimeout(() => {
      void client.GET('/knowledge', { query: { limit: 3, q } }).then(
        (r) => setItems(r.items),
        () => setItems([]),
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [text]);
  if (!items.length) return null;
  return (
    <Card size="small" title={t('knowledgeHints')} style={{ marginBottom: 12 }} data-testid="knowledge-hints">
      <List
        size="small"
        dataSource={items}
        renderItem={(a) => (
          <List.Item
            actions={
              onUse
                ? [
                    <Button key="use" size="small" onClick={() => onUse(a)}>
                      {t('useArticle')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={a.title}
              description={
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('more') }}>{a.body}</Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
