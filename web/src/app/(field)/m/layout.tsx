import type { ReactNode } from 'react';
import { FieldTabs } from '../../../components/field/FieldTabs';
import './m.css';

/** The signed-in phone pages (/m/…): the page, and the tab bar to 录入 / 我的事项 / 我的 below it. */
export default function SignedInFieldLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <div className="f-with-tabs">{children}</div>
      <FieldTabs />
    </>
  );
}
