import { Badge, Code, Skeleton, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiToken, CreatedApiToken } from '../../api/accountTypes';
import { useApiTokens, useRevokeApiToken } from '../../api/tokens';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { RelativeTime } from '../../components/RelativeTime';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { formatWithYear } from '../../time/withYear';
import { CreateApiTokenForm } from './CreateApiTokenForm';
import { OneTimeSecret } from './OneTimeSecret';
import { ProfileCard } from './ProfileCard';

/** Personal API tokens: they act with your role, as `Authorization: Bearer <token>`. */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <ProfileCard id="api-tokens" title="API tokens" description="For scripts and tools calling the Vigil API as you. Only a hash of each token is stored.">
      {created && (
        <OneTimeSecret title={`Token "${created.apiToken.name}" created`} label="Token" value={created.token} onDone={() => setCreated(null)}>
          <Text size="sm">
            Send it as <Code>Authorization: Bearer …</Code>; it acts with your role.
          </Text>
        </OneTimeSecret>
      )}
      <CreateApiTokenForm onCreated={setCreated} />
      {tokens.isPending && <Skeleton h={60} />}
      {tokens.isError && <QueryError error={tokens.error} />}
      {tokens.isSuccess && tokens.data.length === 0 && <Text c="dimmed">No API tokens.</Text>}
      {tokens.isSuccess && tokens.data.length > 0 && <TokenTable tokens={tokens.data} />}
    </ProfileCard>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const zone = useViewerTimeZone();
  const revoking = useRevokeApiToken();
  // The browser's clock: whether a token has expired, as the server will judge it.
  const [now] = useState(() => new Date().getTime());
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped aria-label="API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {/* A narrow screen keeps what decides a revoke: expiry and last use. */}
            <Table.Th visibleFrom="sm">Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm">{token.name}</Text>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td visibleFrom="sm">{formatWithYear(token.createdAt, zone, now)}</Table.Td>
              <Table.Td>
                {token.expiresAt === null ? (
                  'Never'
                ) : Date.parse(token.expiresAt) <= now ? (
                  <Badge color="red" variant="light">
                    Expired {formatWithYear(token.expiresAt, zone, now)}
                  </Badge>
                ) : (
                  formatWithYear(token.expiresAt, zone, now)
                )}
              </Table.Td>
              <Table.Td>{token.lastUsedAt === null ? 'Never' : <RelativeTime iso={token.lastUsedAt} />}</Table.Td>
              <Table.Td>
                <ConfirmButton
                  label={`Revoke ${token.name}`}
                  icon={<IconTrash size={16} />}
                  message={`Anything using the token "${token.name}" (${token.prefix}…) gets 401 Unauthorized from now on. This cannot be undone.`}
                  confirmLabel="Revoke token"
                  onConfirm={() => revoking.mutateAsync(token.id)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
