import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink, IconPhoto } from '@tabler/icons-react';
import type { AlertDetails } from '../../api/incidentAlerts';

/** The server keeps only http(s) links; checked again here, so no other scheme ever becomes a link. */
const isWebLink = (href: string) => /^https?:\/\//i.test(href);

function WebLink({ href, children }: { href: string; children: React.ReactNode }) {
  if (!isWebLink(href)) return <Text span>{children}: {href}</Text>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Anchor>
  );
}

/**
 * One alert's details: the sender's fields as a table, then its links, and its images as
 * links: a remote image loaded here would tell its host who looked at the incident.
 */
export function AlertDetailsTable({ details }: { details: AlertDetails }) {
  const { fields, links, images, truncated } = details;
  if (fields.length + links.length + images.length === 0) return <Text c="dimmed">This alert came without details.</Text>;
  return (
    <Stack gap="xs">
      {fields.length > 0 && (
        <Table striped withTableBorder aria-label="Alert details" layout="fixed">
          <Table.Tbody>
            {fields.map((f, i) => (
              <Table.Tr key={`${i}-${f.key}`}>
                <Table.Th w="35%" style={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
                  {f.key}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{f.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {links.length + images.length > 0 && (
        <Group gap="md" aria-label="Alert links">
          {links.map((l, i) => (
            <Group key={`l${i}`} gap={4} wrap="nowrap">
              <IconExternalLink size={14} aria-hidden />
              <WebLink href={l.href}>{l.text}</WebLink>
            </Group>
          ))}
          {images.map((img, i) => (
            <Group key={`i${i}`} gap={4} wrap="nowrap">
              <IconPhoto size={14} aria-hidden />
              <WebLink href={img.src}>{img.alt || 'Image'}</WebLink>
            </Group>
          ))}
        </Group>
      )}
      {truncated && (
        <Text size="sm" c="dimmed">
          Some details were left out: the alert carried more than Vigil keeps (32 KiB).
        </Text>
      )}
    </Stack>
  );
}
