import { Stack, Text, Title } from '@mantine/core';
import { useContactMethods } from '../../api/contacts';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ContactMethodsSection } from './ContactMethodsSection';
import { NotificationRulesSection } from './NotificationRulesSection';
import { TwoFactorSection } from './TwoFactorSection';

/** How the logged-in user is reached when paged. */
export function ProfilePage() {
  const me = useCurrentUser();
  const methods = useContactMethods(me.id);
  return (
    <Stack>
      <Title order={2}>My profile</Title>
      <Text>
        {me.name} · {me.email} · {me.timeZone}
      </Text>
      <ContactMethodsSection userId={me.id} methods={methods} />
      <NotificationRulesSection userId={me.id} methods={methods.data ?? []} />
      <TwoFactorSection />
    </Stack>
  );
}
