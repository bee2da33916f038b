import { Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ContactMethod } from '../../api/incidentTypes';
import { QueryError } from '../../components/QueryError';
import { AddContactMethodForm } from './AddContactMethodForm';
import { ContactMethodRow } from './ContactMethodRow';

export function ContactMethodsSection({ userId, methods }: { userId: string; methods: UseQueryResult<ContactMethod[]> }) {
  return (
    <section aria-labelledby="contact-methods">
      <Title order={3} id="contact-methods">
        Contact methods
      </Title>
      {methods.isPending && <Skeleton h={80} />}
      {methods.isError && <QueryError error={methods.error} />}
      {methods.isSuccess && methods.data.length === 0 && (
        <Text c="dimmed">No contact methods yet: you cannot be paged until you add one.</Text>
      )}
      {methods.isSuccess && methods.data.length > 0 && (
        <Table striped aria-label="Contact methods">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {methods.data.map((method) => (
              <ContactMethodRow key={method.id} userId={userId} method={method} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddContactMethodForm userId={userId} />
    </section>
  );
}
