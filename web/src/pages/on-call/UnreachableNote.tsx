import { Anchor, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Reachability } from '../../api/accountTypes';
import type { UserRef } from '../../api/scheduleTypes';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { unreachableReason } from '../../components/unreachableReason';

/** On an on-call card: a page now would not reach this person, why, and who can fix it. */
export function UnreachableNote({ user, reachability }: { user: UserRef; reachability: Reachability }) {
  const me = useCurrentUser();
  const self = me.id === user.id;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" role="note" aria-label={`${user.name} can't be reached`}>
      <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c="red.7">
        Can&apos;t be reached: {unreachableReason(reachability)}.{' '}
        {self ? (
          <Anchor component={Link} to="/profile" size="sm">
            Fix it in your profile
          </Anchor>
        ) : (
          `Ask ${user.name} to add and verify a contact method in their profile.`
        )}
      </Text>
    </Group>
  );
}
