'use client';

import { useEffect, useState } from 'react';
import type { AttachmentDownload } from '@beatlink/shared/matters/views';
import { describeError } from '../../../lib/api-error';
import { formatBytes } from '../../../lib/attachment-upload';
import { useSession } from '../session';

type Loaded = { id: string; download?: AttachmentDownload; error?: string };

/** Thumbnails of the matter's photos and links to its documents (short-lived signed URLs). */
export function MatterAttachments({ ids }: { ids: readonly string[] }) {
  const { api } = useSession();
  const [items, setItems] = useState<Loaded[]>([]);
  const key = ids.join(',');

  useEffect(() => {
    let cancelled = false;
    const list = key ? key.split(',') : [];
    setItems(list.map((id) => ({ id })));
    void Promise.all(
      list.map((id) =>
        api
          .get<AttachmentDownload>(`/attachments/${encodeURIComponent(id)}`)
          .then((download): Loaded => ({ id, download }))
          .catch((error: unknown): Loaded => ({ id, error: describeError(error) })),
      ),
    ).then((loaded) => {
      if (!cancelled) setItems(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [api, key]);

  if (!ids.length) return <span className="muted">无附件</span>;
  return (
    <div className="matter-attachments" data-testid="matter-attachments">
      {items.map(({ id, download, error }) => {
        if (!download) {
          return (
            <div key={id} className="matter-attachment muted">
              {error ?? '加载中…'}
            </div>
          );
        }
        const { attachment, url } = download;
        const image = attachment.contentType.startsWith('image/') && attachment.contentType !== 'image/heic';
        return (
          <a key={id} className="matter-attachment" href={url} target="_blank" rel="noreferrer" data-testid={`matter-attachment-${id}`}>
            {image ? (
              <img src={url} alt={attachment.fileName} loading="lazy" />
            ) : (
              <span>📄 </span>
            )}
            <span>
              {attachment.fileName}（{formatBytes(attachment.size)}）
            </span>
          </a>
        );
      })}
    </div>
  );
}
