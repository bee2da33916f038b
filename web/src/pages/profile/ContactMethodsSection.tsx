import { Skeleton, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { QueryError } from '../../components/QueryError';
import { AddContactMethodForm } from './AddContactMethodForm';
import { ContactMethodRow } from './ContactMethodRow';

export function ContactMethodsSection({ userId, methods }: { userId: string; methods: UseQueryResult<ContactMethod[]> }) {
  // Only the answers to creating a method or resending its code say whether a code went out.
  const [sent, setSent] = useState<Record<string, VerificationResult>>({});
  const remember = (id: string, result: VerificationResult) => setSent((s) => ({ ...s, [id]: result }));
  return (
    <section aria-labelledby="contact-methods">
      <Title order={3} id="contact-methods">
        Contact methods
      </Title>
      <Text size="sm" c="dimmed">
        Email, SMS, voice, ntfy, Pushover and Slack direct message methods are paged only once verified with the code sent to them, Telegram once its chat is linked through the bot; webhooks and Slack are verified when added.
      </Text>
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
              <Table.Th>Status</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {methods.data.map((method) => (
              <ContactMethodRow
                key={method.id}
                userId={userId}
                method={method}
                verification={sent[method.id]}
                onVerificationSent={(result) => remember(method.id, result)}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddContactMethodForm userId={userId} onAdded={(method) => method.verification && remember(method.id, method.verification)} />
    </section>
  );
}
