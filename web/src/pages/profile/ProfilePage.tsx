import { Box, Card, Group, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useContactMethods } from '../../api/contacts';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { AccountSection } from './AccountSection';
import { ApiTokensSection } from './ApiTokensSection';
import { CalendarFeedsSection } from './CalendarFeedsSection';
import { ContactMethodsSection } from './ContactMethodsSection';
import { NoticesSection } from './NoticesSection';
import { NotificationRulesSection } from './NotificationRulesSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSectionNav } from './ProfileSectionNav';
import { ReachabilityAlert } from './ReachabilityAlert';
import { TimeOffSection } from './TimeOffSection';
import { TwoFactorSection } from './TwoFactorSection';

type EditingForm = 'account' | 'password' | 'notices' | 'timeOff';

/** Your account, how you are reached when paged, and your tokens and feeds. */
export function ProfilePage() {
  const me = useCurrentUser();
  const methods = useContactMethods(me.id);
  const [editing, setEditing] = useState<Record<EditingForm, boolean>>({ account: false, password: false, notices: false, timeOff: false });
  const dirtyOf = useCallback((form: EditingForm) => (dirty: boolean) => setEditing((e) => (e[form] === dirty ? e : { ...e, [form]: dirty })), []);
  const [onAccount, onPassword, onNotices, onTimeOff] = [dirtyOf('account'), dirtyOf('password'), dirtyOf('notices'), dirtyOf('timeOff')];
  // The section links land below the fixed header rather than under it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.scrollPaddingTop = '72px';
    return () => {
      root.style.scrollPaddingTop = '';
    };
  }, []);
  return (
    <Stack>
      <UnsavedChangesGuard dirty={Object.values(editing).some(Boolean)} />
      <Title order={2}>My profile</Title>
      <ReachabilityAlert />
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Box visibleFrom="md" w={200} style={{ position: 'sticky', top: 72, flexShrink: 0 }}>
          <ProfileSectionNav />
        </Box>
        <Stack style={{ flex: 1, minWidth: 0 }}>
          <AccountSection onDirtyChange={onAccount} />
          <PasswordSection onDirtyChange={onPassword} />
          <Card withBorder>
            <ContactMethodsSection userId={me.id} methods={methods} />
          </Card>
          <Card withBorder>
            <NotificationRulesSection userId={me.id} methods={methods.data ?? []} />
          </Card>
          <NoticesSection onDirtyChange={onNotices} />
          <TimeOffSection user={me} onDirtyChange={onTimeOff} />
          <ApiTokensSection />
          <CalendarFeedsSection />
          <TwoFactorSection />
        </Stack>
      </Group>
    </Stack>
  );
}
