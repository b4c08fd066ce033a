import type { Metadata } from 'next';
import { VisitCheck } from '../../../../components/field/VisitCheck';

export const metadata: Metadata = { title: '入村签到' };

/** `/m/visit` (`?makeUp=1` presets 补课走访): check in at a village, then check out of the running visit. */
export default function VisitPage() {
  return <VisitCheck />;
}
