import type { Metadata } from 'next';
import { MyWeek } from '../../../../components/field/MyWeek';

export const metadata: Metadata = { title: '我的本周' };

/** `/m/duty?week=2026-W20`: the week in a query parameter, so the portal can be exported statically. */
export default function MyWeekPage() {
  return <MyWeek />;
}
