import type { Metadata } from 'next';
import { ApiDocs } from '../../../../components/office/integrations/ApiDocs';

export const metadata: Metadata = { title: '接口文档' };

export default function ApiDocsPage() {
  return <ApiDocs />;
}
