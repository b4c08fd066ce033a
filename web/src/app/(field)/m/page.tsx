import type { Metadata } from 'next';
import { MyAccount } from '../../../components/field/MyAccount';

export const metadata: Metadata = { title: '我的' };

export default function MyPage() {
  return <MyAccount />;
}
