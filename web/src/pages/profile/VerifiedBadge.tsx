import { Badge } from '@mantine/core';

/** Only verified contact methods are paged. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <Badge color="green" variant="light">
      Verified
    </Badge>
  ) : (
    <Badge color="yellow" variant="light">
      Unverified
    </Badge>
  );
}
