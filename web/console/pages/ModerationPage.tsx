import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { moderationMessages } from './moderation/messages';
import { PublishedTab } from './moderation/PublishedTab';
import { QueueTab } from './moderation/QueueTab';

/** 内容审核: what is held, hidden or redacted, and what is published now, in the moderator's region. */
export function ModerationPage() {
  const { t } = useApp();
  const m = usePageMessages(moderationMessages);
  const [version, setVersion] = useState(0);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuModeration')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'queue', label: m('tabQueue'), children: <QueueTab version={version} /> },
          { key: 'published', label: m('tabPublished'), children: <PublishedTab onDecided={() => setVersion((v) => v + 1)} /> },
        ]}
      />
    </div>
  );
}
