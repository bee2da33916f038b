import { EmptyState, Stack, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface ComingSoonPageProps {
  title: string;
  description: string;
  icon: Icon;
}

/** A section of the navigation whose feature is not built yet. */
export function ComingSoonPage({ title, description, icon: PageIcon }: ComingSoonPageProps) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <EmptyState
        variant="light"
        size="lg"
        icon={<PageIcon size={32} />}
        title="Coming soon"
        description={description}
        mt="xl"
      />
    </Stack>
  );
}
