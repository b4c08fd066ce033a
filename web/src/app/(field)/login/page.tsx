import type { Metadata } from 'next';
import { SignIn } from '../../../components/field/SignIn';

export const metadata: Metadata = { title: '登录' };

export default function LoginPage() {
  return <SignIn />;
}
