import { Select, SimpleGrid } from '@mantine/core';
import { auditActions, auditEntityTypes, type AuditAction, type AuditEntityType } from '../../api/audit';
import { useUserChoices } from '../../api/users';
import { actionLabels, entityLabels } from './describeAudit';

export type Since = 'day' | 'week' | 'month' | 'all';

export interface AuditFilterState {
  entityType: AuditEntityType | null;
  action: AuditAction | null;
  actorId: string | null;
  since: Since;
}

const sinceOptions = [
  { value: 'day', label: 'Last 24 hours' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'all', label: 'All retained' },
];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Narrow the log by kind of entity, action, who, and how far back. */
export function AuditFilters({ value, onChange }: { value: AuditFilterState; onChange: (next: AuditFilterState) => void }) {
  const users = useUserChoices();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Select
        label="Entity"
        placeholder="Any"
        clearable
        data={auditEntityTypes.map((t) => ({ value: t, label: capitalised(entityLabels[t]) }))}
        value={value.entityType}
        onChange={(v) => onChange({ ...value, entityType: v as AuditEntityType | null })}
      />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        data={auditActions.map((a) => ({ value: a, label: actionLabels[a] }))}
        value={value.action}
        onChange={(v) => onChange({ ...value, action: v as AuditAction | null })}
      />
      <Select
        label="Who"
        placeholder="Anyone"
        clearable
        searchable
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={value.actorId}
        onChange={(v) => onChange({ ...value, actorId: v })}
      />
      <Select
        label="When"
        allowDeselect={false}
        data={sinceOptions}
        value={value.since}
        onChange={(v) => onChange({ ...value, since: (v ?? 'all') as Since })}
      />
    </SimpleGrid>
  );
}
