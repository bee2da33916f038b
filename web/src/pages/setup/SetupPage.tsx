import { Text, Title } from '@mantine/core';
import { Navigate } from 'react-router-dom';
import { useSetupStatus } from '../../api/setup';
import { BrandedCard } from '../../components/BrandedCard';
import { PageLoader } from '../../components/PageLoader';
import { QueryError } from '../../components/QueryError';
import { FirstOwnerForm } from './FirstOwnerForm';

/** First run without the demo: whoever opens Vigil first creates the owner account. */
export function SetupPage() {
  const status = useSetupStatus();
  if (status.isPending) return <PageLoader />;
  if (status.isError) return <QueryError error={status.error} />;
  if (!status.data.required) return <Navigate to="/login" replace />;
  return (
    <BrandedCard width={440}>
      <Title order={3}>Welcome! Create the owner account</Title>
      <Text size="sm" c="dimmed">
        Nobody has an account here yet. The account you create now owns this Vigil: it can add people, grant roles and change every setting.
      </Text>
      <FirstOwnerForm />
    </BrandedCard>
  );
}
