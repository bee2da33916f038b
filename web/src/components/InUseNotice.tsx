import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, type InUseReference } from '../api/ApiError';

/** What relies on something a DELETE was refused for, or [] for any other error. */
export const referencesOf = (error: Error | null): InUseReference[] => (error instanceof ApiError ? error.references : []);

function describe(r: InUseReference): string {
  switch (r.via) {
    case 'target':
      return `Escalation policy “${r.name}”, step ${(r.step ?? 0) + 1}`;
    case 'roster':
      return `Schedule “${r.name}”, layer “${r.layerName ?? ''}”: their turns would page nobody`;
    case 'owner':
      return `${r.kind === 'monitor' ? 'Monitor' : r.kind === 'policy' ? 'Escalation policy' : 'Schedule'} “${r.name}”, owned by this team`;
    case 'policy':
      return `Monitor “${r.name}”`;
    case 'route':
      return `Event rule “${r.name}” ${r.monitorName === undefined ? 'in the global rules' : `of monitor “${r.monitorName}”`} routes alerts here`;
  }
}

/** Why a deletion was refused: the list of what would page nobody without it. */
export function InUseNotice({ references, forceable }: { references: InUseReference[]; forceable: boolean }) {
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} role="alert" title="Paging still relies on this">
      <List size="sm" aria-label="Used by">
        {references.map((r, i) => (
          <List.Item key={`${r.id}:${r.step ?? r.layerName ?? i}`}>{describe(r)}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {forceable
          ? 'Delete anyway to remove it from these; a step left without targets pages nobody until you fix it.'
          : 'Change these first, then delete it.'}
      </Text>
    </Alert>
  );
}
