'use client';

import { useCallback, useEffect, useReducer, useRef } from 'react';
import { Button } from 'antd';
import {
  checkAttachmentFile,
  formatBytes,
  readyAttachmentIds,
  uploadAttachment,
  uploadStatusText,
  uploadsFailed,
  uploadsPending,
  uploadsReducer,
  type UploadItem,
} from '../../../lib/attachment-upload';
import { useSession } from '../session';

export interface UploadsState {
  ids: string[];
  pending: boolean;
  failed: boolean;
}

let uploadKey = 0;

/**
 * Photos and documents for a feedback (反馈): each file goes through the pre-signed flow of
 * lib/attachment-upload.ts as soon as it is chosen; the form sends the ids of the finished ones.
 */
export function AttachmentUploader({ onChange, max = 20 }: { onChange(state: UploadsState): void; max?: number }) {
  const { api } = useSession();
  const [items, dispatch] = useReducer(uploadsReducer, [] as UploadItem[]);
  const files = useRef(new Map<string, File>());
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    onChange({ ids: readyAttachmentIds(items), pending: uploadsPending(items), failed: uploadsFailed(items) });
  }, [items, onChange]);

  const start = useCallback(
    (key: string, file: File) => {
      uploadAttachment(api, file, { onProgress: (progress) => dispatch({ type: 'progress', key, progress }) })
        .then((attachment) => dispatch({ type: 'done', key, attachment }))
        .catch((error: unknown) => dispatch({ type: 'failed', key, error: error instanceof Error ? error.message : '上传失败' }));
    },
    [api],
  );

  const add = (list: FileList | null) => {
    if (!list) return;
    const chosen = Array.from(list).slice(0, Math.max(0, max - items.length));
    const added = chosen.map((file) => ({ key: `up-${++uploadKey}`, file, error: checkAttachmentFile(file) }));
    dispatch({ type: 'add', items: added.map(({ key, file, error }) => ({ key, fileName: file.name, size: file.size, ...(error ? { error } : {}) })) });
    for (const { key, file, error } of added) {
      files.current.set(key, file);
      if (!error) start(key, file);
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="attachment-uploader">
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept="image/jpeg,image/png,image/webp,image/heic,application/pdf,.heic"
        onChange={(event) => add(event.target.files)}
        data-testid="attachment-input"
      />
      <Button onClick={() => input.current?.click()} disabled={items.length >= max}>
        添加附件（照片、PDF）
      </Button>
      {items.length > 0 && (
        <ul className="upload-list" style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
          {items.map((item) => (
            <li key={item.key} data-testid="attachment-item" data-state={item.state} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '2px 0' }}>
              <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {item.fileName} <span className="muted">（{formatBytes(item.size)}）</span>
              </span>
              <span className={item.state === 'failed' ? 'rules-cell-error' : 'muted'}>{uploadStatusText(item)}</span>
              {item.state === 'failed' && files.current.has(item.key) && !checkAttachmentFile(files.current.get(item.key)!) && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    dispatch({ type: 'retry', key: item.key });
                    start(item.key, files.current.get(item.key)!);
                  }}
                >
                  重试
                </Button>
              )}
              {item.state !== 'uploading' && (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => {
                    files.current.delete(item.key);
                    dispatch({ type: 'remove', key: item.key });
                  }}
                >
                  移除
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
