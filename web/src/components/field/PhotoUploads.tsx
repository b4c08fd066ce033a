'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, type ChangeEvent } from 'react';
import type { ApiClient } from '../../lib/api-client';
import { describeError } from '../../lib/api-error';
import {
  IMAGE_CONTENT_TYPES,
  UploadError,
  checkAttachmentFile,
  formatBytes,
  readyAttachmentIds,
  uploadAttachment,
  uploadStatusText,
  uploadsFailed,
  uploadsPending,
  uploadsReducer,
  type UploadItem,
} from '../../lib/attachment-upload';

/** At most this many photos go up at once: a village's signal is weak. */
const CONCURRENT = 2;
/** `attachmentIds` takes at most 20. */
export const MAX_PHOTOS = 20;

export interface PhotoUploads {
  items: UploadItem[];
  /** Ids of the finished uploads, for `attachmentIds`. */
  ids: string[];
  pending: boolean;
  failed: boolean;
  add(files: FileList | readonly File[]): void;
  retry(key: string): void;
  remove(key: string): void;
  reset(): void;
}

let sequence = 0;

/** The photos of one form: each goes through the attachment flow as soon as it is picked. */
export function usePhotoUploads(api: ApiClient | undefined): PhotoUploads {
  const [items, dispatch] = useReducer(uploadsReducer, []);
  const files = useRef(new Map<string, File>());
  const controllers = useRef(new Map<string, AbortController>());
  const queue = useRef<string[]>([]);
  const running = useRef(0);

  const pump = useCallback(() => {
    if (!api) return;
    while (running.current < CONCURRENT && queue.current.length > 0) {
      const key = queue.current.shift()!;
      const file = files.current.get(key);
      if (!file) continue;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      running.current += 1;
      uploadAttachment(api, file, {
        allowed: IMAGE_CONTENT_TYPES,
        signal: controller.signal,
        onProgress: (progress) => dispatch({ type: 'progress', key, progress }),
      })
        .then((attachment) => dispatch({ type: 'done', key, attachment }))
        .catch((error: unknown) => dispatch({ type: 'failed', key, error: error instanceof UploadError ? error.message : describeError(error) }))
        .finally(() => {
          controllers.current.delete(key);
          running.current -= 1;
          pump();
        });
    }
  }, [api]);

  // Files picked before the session was ready start once it is.
  useEffect(() => pump(), [pump]);

  const add = useCallback(
    (picked: FileList | readonly File[]) => {
      const list = Array.from(picked);
      let room = MAX_PHOTOS - items.filter((item) => item.state !== 'failed').length;
      const rows = list.map((file) => {
        const key = `p${++sequence}`;
        let error = checkAttachmentFile(file, IMAGE_CONTENT_TYPES);
        if (!error && room <= 0) error = `最多上传 ${MAX_PHOTOS} 张照片`;
        if (!error) {
          room -= 1;
          files.current.set(key, file);
          queue.current.push(key);
        }
        return { key, fileName: file.name || '照片', size: file.size, ...(error ? { error } : {}) };
      });
      dispatch({ type: 'add', items: rows });
      pump();
    },
    [items, pump],
  );

  const retry = useCallback(
    (key: string) => {
      if (!files.current.has(key)) return;
      dispatch({ type: 'retry', key });
      queue.current.push(key);
      pump();
    },
    [pump],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    queue.current = queue.current.filter((k) => k !== key);
    files.current.delete(key);
    dispatch({ type: 'remove', key });
  }, []);

  const reset = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    queue.current = [];
    files.current.clear();
    dispatch({ type: 'reset' });
  }, []);

  useEffect(() => {
    const live = controllers.current;
    return () => {
      for (const controller of live.values()) controller.abort();
    };
  }, []);

  return useMemo(
    () => ({ items, ids: readyAttachmentIds(items), pending: uploadsPending(items), failed: uploadsFailed(items), add, retry, remove, reset }),
    [items, add, retry, remove, reset],
  );
}

/**
 * The photo input (camera first on a phone) and the list of uploads with progress, per-file errors,
 * retry and remove. Rows are `data-testid="<testId>-item"` with `data-state` uploading/done/failed.
 */
export function PhotoPicker({ uploads, testId, disabled }: { uploads: PhotoUploads; testId: string; disabled?: boolean }) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    if (input.files && input.files.length > 0) uploads.add(input.files);
    // The same photo may be picked again after removing it.
    input.value = '';
  };
  return (
    <>
      <label className={disabled ? 'f-button f-button-secondary f-file-button f-disabled' : 'f-button f-button-secondary f-file-button'}>
        拍照或选择照片
        <input
          className="f-file-input"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          onChange={onChange}
          disabled={disabled}
          data-testid={testId}
        />
      </label>
      <p className="f-muted">每张不超过 10 MB，最多 {MAX_PHOTOS} 张；选择后自动上传。</p>
      {uploads.items.length > 0 && (
        <ul className="f-uploads">
          {uploads.items.map((item) => (
            <li key={item.key} className="f-upload" data-testid={`${testId}-item`} data-state={item.state}>
              <div className="f-upload-name">
                <div>
                  {item.fileName} <span className="f-muted">{formatBytes(item.size)}</span>
                </div>
                <div className={item.state === 'failed' ? 'f-upload-failed' : 'f-muted'} role={item.state === 'failed' ? 'alert' : undefined}>
                  {uploadStatusText(item)}
                </div>
                {item.state === 'uploading' && (
                  <div className="f-progress" aria-hidden="true">
                    <span style={{ width: `${item.percent}%` }} />
                  </div>
                )}
              </div>
              {item.state === 'failed' && !item.refused && (
                <button type="button" className="f-linkbutton" onClick={() => uploads.retry(item.key)}>
                  重试
                </button>
              )}
              <button type="button" className="f-linkbutton" onClick={() => uploads.remove(item.key)} aria-label={`移除 ${item.fileName}`}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
