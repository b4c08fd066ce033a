import type { Metadata } from 'next';
import { MatterView } from '../../../../components/field/MatterView';

export const metadata: Metadata = { title: '事项详情' };

/** `/m/matter?id=…`: a query parameter rather than a dynamic segment, so the portal can be exported statically. */
export default function MatterPage() {
  return <MatterView />;
}
