import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <EmptyState icon={<IconMapOff size={32} />} title="Page not found" description="There is nothing at this address." mt="xl">
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go home
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
