'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Notice } from '../Notice';
import { MatterDetailView } from './MatterDetailView';

/** /matters/view?id=…: the detail of one matter, with a way back to the desk it came from. */
export function MatterDetailPage() {
  const params = useSearchParams();
  const id = params.get('id');
  const back = params.get('from') === 'agency' ? { href: '/agency', label: '返回工作台' } : { href: '/matters', label: '返回事项列表' };
  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      {id ? (
        <MatterDetailView key={id} id={id} />
      ) : (
        <Notice kind="warning" title="未指定事项">
          请从事项列表打开一个事项。
        </Notice>
      )}
    </>
  );
}
