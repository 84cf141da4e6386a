import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';

/**
 * A file chosen with a button in the console's words: a bare file input shows the browser's own
 * ("Choose File / No file chosen") whatever the language. The input stays in the page, unseen, under its id.
 */
export function FilePick({ id, label, accept, onPick }: { id: string; label: string; accept: string; onPick: (f: File) => unknown }) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <Space wrap>
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} aria-controls={id}>
        {label}
      </Button>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        aria-label={label}
        tabIndex={-1}
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it) reads it again.
          e.target.value = '';
          if (!f) return;
          setName(f.name);
          void onPick(f);
        }}
      />
      {name && <Typography.Text type="secondary">{name}</Typography.Text>}
    </Space>
  );
}
