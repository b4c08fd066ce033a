import type { Metadata } from 'next';
import { CollectForm } from '../../../../components/field/CollectForm';

export const metadata: Metadata = { title: '信息采集' };

export default function CollectPage() {
  return <CollectForm />;
}
