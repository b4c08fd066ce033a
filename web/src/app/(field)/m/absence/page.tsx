import type { Metadata } from 'next';
import { AbsenceReports } from '../../../../components/field/AbsenceReports';

export const metadata: Metadata = { title: '报备' };

/** `/m/absence?week=2026-W20`: file an absence report (报备) and follow the own ones. */
export default function AbsencePage() {
  return <AbsenceReports />;
}
