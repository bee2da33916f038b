import { ActionIcon, Anchor, Button, Code, CopyButton, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconBrandTelegram, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useContactMethods, useSendVerification } from '../../api/contacts';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { notifyError } from '../../components/notifyError';

/** How often the profile asks whether the chat was linked while a link is out. */
const POLL_MS = 3_000;

interface TelegramLinkProps {
  userId: string;
  method: ContactMethod;
  /** The answer that issued the link, if one was issued on this page. */
  result: VerificationResult | undefined;
  onIssued: (result: VerificationResult) => void;
}

/**
 * A Telegram method waiting for its chat: the bot link to open (Start in Telegram links
 * the chat), and the list of methods asked again every few seconds until it is verified.
 * The link is shown only when issued (the server keeps its code hashed): a new one is a click away.
 */
export function TelegramLink({ userId, method, result, onIssued }: TelegramLinkProps) {
  useContactMethods(userId, { refetchInterval: result?.link ? POLL_MS : false });
  const issuing = useSendVerification(userId);
  const issue = () =>
    issuing.mutate(method.id, {
      onSuccess: (answer) => onIssued(answer.verification ?? { sent: false, error: 'the server did not say whether it made a link' }),
      onError: notifyError,
    });
  const link = result?.link;
  return (
    <Stack gap={6} align="flex-start" maw={340}>
      {link ? (
        <>
          <Text size="xs">Open the link on the phone with Telegram and press Start: this chat then receives your pages.</Text>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" component="a" href={link} target="_blank" rel="noreferrer" leftSection={<IconBrandTelegram size={14} />}>
              Open Telegram
            </Button>
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={copied ? 'Telegram link copied' : 'Copy Telegram link'} onClick={copy}>
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Code style={{ wordBreak: 'break-all' }} aria-label="Telegram link">
            {link}
          </Code>
          <Group gap={6} role="status">
            <Loader size={12} />
            <Text size="xs" c="dimmed">
              Waiting for Telegram… the link works once, for 15 minutes.
            </Text>
          </Group>
        </>
      ) : (
        result && (
          <Text size="xs" c="red" role="status">
            No link was made: {result.error ?? 'unknown error'}.
          </Text>
        )
      )}
      <Anchor component="button" type="button" size="xs" onClick={issue} disabled={issuing.isPending}>
        <Group gap={4} wrap="nowrap">
          <IconRefresh size={12} />
          {link ? 'New link' : 'Get a link to Telegram'}
        </Group>
      </Anchor>
    </Stack>
  );
}
