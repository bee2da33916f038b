import { Text } from '@mantine/core';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDateTime } from '../../time/format';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { InfoCard } from './InfoCard';

const dayMs = 86_400_000;

interface CertificateCardProps {
  expiresAt: string;
  /** The monitor's warning period; 0 when it never warns. */
  warnDays: number;
}

/** When an HTTPS target's certificate expires: yellow within the warning period, red once expired. */
export function CertificateCard({ expiresAt, warnDays }: CertificateCardProps) {
  const zone = useViewerTimeZone();
  // The browser's clock: near enough for a warning colour measured in days.
  const daysLeft = (Date.parse(expiresAt) - new Date().getTime()) / dayMs;
  const color = daysLeft <= 0 ? 'red' : daysLeft <= warnDays ? 'yellow.8' : undefined;
  return (
    <InfoCard label="Certificate">
      <Text fw={500} c={color}>
        {daysLeft <= 0 ? 'Expired' : 'Expires'} <RelativeTime iso={expiresAt} />
      </Text>
      <Text size="sm" c="dimmed">
        {formatDateTime(expiresAt, zone)}
      </Text>
    </InfoCard>
  );
}
