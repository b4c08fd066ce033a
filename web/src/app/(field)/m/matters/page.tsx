import type { Metadata } from 'next';
import { MyMatters } from '../../../../components/field/MyMatters';

export const metadata: Metadata = { title: '我的事项' };

export default function MyMattersPage() {
  return <MyMatters />;
}
