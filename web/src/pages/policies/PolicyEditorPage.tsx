import { Anchor, Group, Skeleton, Stack, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDeletePolicy, usePolicy } from '../../api/policies';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { PagingProblemAlert } from './plan/PagingProblemAlert';
import { PolicyForm } from './PolicyForm';

function EditPolicy({ policyId }: { policyId: string }) {
  const policy = usePolicy(policyId);
  const deleting = useDeletePolicy();
  const navigate = useNavigate();
  if (policy.isPending) return <Skeleton h={320} />;
  if (policy.isError) return <QueryError error={policy.error} />;
  return (
    <>
      <Group justify="space-between">
        <Title order={2}>{policy.data.name}</Title>
        <ConfirmButton
          label={`Delete policy ${policy.data.name}`}
          icon={<IconTrash size={18} />}
          message={`The escalation policy ${policy.data.name} will be deleted. Open incidents keep the copy they started with.`}
          confirmLabel="Delete policy"
          onConfirm={() => deleting.mutateAsync(policyId).then(() => navigate('/escalation-policies', { replace: true }))}
        />
      </Group>
      {policy.data.pagingProblem && <PagingProblemAlert problem={policy.data.pagingProblem} />}
      {/* Keyed by the saved version, so a save elsewhere restarts the form from it. */}
      <PolicyForm key={policy.data.updatedAt} policy={policy.data} />
    </>
  );
}

/** /escalation-policies/new creates one; /escalation-policies/:policyId edits it. */
export function PolicyEditorPage() {
  const { policyId } = useParams();
  return (
    <Stack>
      <Anchor component={Link} to="/escalation-policies" size="sm">
        ← All escalation policies
      </Anchor>
      {policyId === undefined ? (
        <>
          <Title order={2}>New escalation policy</Title>
          <PolicyForm />
        </>
      ) : (
        <EditPolicy policyId={policyId} />
      )}
    </Stack>
  );
}
