'use client';

import { Alert, Descriptions, Modal, Typography } from 'antd';
import type { InitialCredentials } from '@beatlink/shared';

/** Shows a new account's initial credentials — the only time they are ever shown. */
export function CredentialsModal({ credentials, onClose }: { credentials: InitialCredentials; onClose(): void }) {
  return (
    <Modal open title="账号已创建" onOk={onClose} onCancel={onClose} okText="我已记下" cancelButtonProps={{ style: { display: 'none' } }} data-testid="credentials-modal">
      <Alert type="warning" showIcon title="初始密码只显示这一次，请立即告知本人。首次登录时须设置新密码。" style={{ marginBottom: 16 }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'username',
            label: '用户名',
            children: (
              <Typography.Text copyable data-testid="credentials-username">
                {credentials.username}
              </Typography.Text>
            ),
          },
          {
            key: 'password',
            label: '初始密码',
            children: (
              <Typography.Text copyable code data-testid="credentials-password">
                {credentials.temporaryPassword}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
