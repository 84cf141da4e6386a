import { Button, message } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { uploadFile } from '../../../shared/client';
import { useApp } from '../../app-context';

/** 现场照片: on a phone the button opens the camera; each photo is its own upload, a refused one says why. */
export function AddPhotos({ demandId, onDone }: { demandId: number; onDone: () => void }) {
  const { t } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function send(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    let ok = 0;
    for (const file of Array.from(files)) {
      try {
        await uploadFile('/demands/{id}/attachments', file, { path: { id: demandId } });
        ok++;
      } catch (e) {
        message.error(`${file.name}：${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (ok > 0) message.success(t('photosAdded').replace('{n}', String(ok)));
    onDone();
  }
  return (
    <>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        multiple
        aria-label={t('addPhotos')}
        onChange={(e) => void send(e.target.files)}
      />
      <Button loading={busy} onClick={() => input.current?.click()} data-action="photos">
        {t('addPhotos')}
      </Button>
    </>
  );
}
