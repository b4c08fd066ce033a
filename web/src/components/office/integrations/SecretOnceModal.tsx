'use client';

import { useState, type ReactNode } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';

export interface SecretOnceModalProps {
  title: string;
  /** What the secret is (接口密钥 / 签名密钥). */
  label: string;
  secret: string;
  /** The test id of the secret's text (`api-key-secret`, `webhook-secret`); the copy button gets `<testId>-copy`. */
  testId: string;
  /** Anything to show under the secret (the key's name, how to use it). */
  children?: ReactNode;
  /** Closing forgets the secret: the parent drops it, nothing can show it again. */
  onClose(): void;
}

/**
 * A secret shown once (a new API key, a webhook's signing secret): copy button, a clear warning, and
 * no way back — the server never sends it again and the page keeps no copy after this closes.
 */
export function SecretOnceModal({ title, label, secret, testId, children, onClose }: SecretOnceModalProps) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Modal
      open
      title={title}
      width={640}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-done`}>
          我已复制保存
        </Button>
      }
    >
      <div data-testid="secret-once-modal">
        <Alert
          type="warning"
          showIcon
          title="密钥只显示这一次，请立即复制保存"
          description="关闭此窗口后无法再次查看；如遗失，只能吊销（或更换）后重新生成。/ Shown once: copy it now — it cannot be shown again."
          style={{ marginBottom: 16 }}
        />
        <div className="integ-secret-label">{label}</div>
        <div className="integ-secret">
          <Typography.Text code className="integ-secret-text" data-testid={testId}>
            {secret}
          </Typography.Text>
        </div>
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void copy()} data-testid={`${testId}-copy`}>
            复制
          </Button>
          {copied === 'yes' && <span className="integ-ok">已复制到剪贴板</span>}
          {copied === 'failed' && <span className="muted">无法访问剪贴板，请手动选中上面的文本复制</span>}
        </Space>
        {children && <div style={{ marginTop: 16 }}>{children}</div>}
      </div>
    </Modal>
  );
}
