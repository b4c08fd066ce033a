import type { Metadata } from 'next';
import { OrgExplorer } from '../../../components/office/OrgExplorer';

export const metadata: Metadata = { title: '组织机构' };

export default function OrgPage() {
  return <OrgExplorer />;
}
