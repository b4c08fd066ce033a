import type { Metadata } from 'next';
import { MyScores } from '../../../../components/field/MyScores';

export const metadata: Metadata = { title: '我的考核' };

/** `/m/scores` (`?period=2026-10` for one score): an officer's own assessment and appeals on the phone. */
export default function FieldScoresPage() {
  return <MyScores />;
}
