import type { Metadata } from 'next';
import { ApiKeysDesk } from '../../../../components/office/integrations/ApiKeysDesk';

export const metadata: Metadata = { title: '接口密钥' };

export default function ApiKeysPage() {
  return <ApiKeysDesk />;
}
