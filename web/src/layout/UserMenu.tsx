import { Avatar, Group, Indicator, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useMyReachability } from '../api/reachability';
import { logout, sessionKey } from '../api/session';
import { useCurrentUser } from '../auth/useCurrentUser';
import { notifyError } from '../components/notifyError';

export function UserMenu() {
  const user = useCurrentUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const unreachable = useMyReachability().data?.reachable === false;
  const loggingOut = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      client.clear();
      client.setQueryData(sessionKey, null);
      void navigate('/login', { replace: true });
    },
    onError: notifyError,
  });

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.name}${unreachable ? ' (nobody can page you)' : ''}`}>
          <Group gap="xs">
            <Indicator color="red" size={10} withBorder disabled={!unreachable} data-testid={unreachable ? 'unreachable-dot' : undefined}>
              <Avatar name={user.name} color="initials" size="sm" />
            </Indicator>
            <Text size="sm" visibleFrom="sm">
              {user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email} · {user.role}
        </Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/profile')}>
          My profile
        </Menu.Item>
        {unreachable && (
          <Menu.Item color="red" leftSection={<IconAlertTriangle size={16} />} onClick={() => void navigate('/profile')}>
            Nobody can page you: fix it
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => loggingOut.mutate()} disabled={loggingOut.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
