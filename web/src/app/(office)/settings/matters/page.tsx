import type { Metadata } from 'next';
import { MatterRulesEditor } from '../../../../components/office/matters/MatterRulesEditor';

export const metadata: Metadata = { title: '事项规则配置' };

export default function MatterRulesPage() {
  return <MatterRulesEditor />;
}
