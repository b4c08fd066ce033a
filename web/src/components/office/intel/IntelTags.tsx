import { Tag } from 'antd';
import { intelTypeColor, intelTypeLabel, reliabilityColor, reliabilityText, verificationColor, verificationLabel } from '../../../lib/intel/labels';

export function IntelTypeTag({ type }: { type: string }) {
  return <Tag color={intelTypeColor(type)}>{intelTypeLabel(type)}</Tag>;
}

export function ReliabilityTag({ grade }: { grade: string }) {
  return (
    <Tag color={reliabilityColor(grade)} data-testid="intel-reliability">
      {reliabilityText(grade)}
    </Tag>
  );
}

export function VerificationTag({ state }: { state: string }) {
  return (
    <Tag color={verificationColor(state)} data-testid="intel-verification" data-state={state}>
      {verificationLabel(state)}
    </Tag>
  );
}
