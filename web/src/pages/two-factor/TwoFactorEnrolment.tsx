import { Button, Code, CopyButton, Group, Image, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useConfirmEnrolment, useStartEnrolment } from '../../api/twoFactor';
import { FormError } from '../../components/FormError';

/** Password → scan the QR code (or type the key) → first code → the recovery codes, shown once. */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [qr, setQr] = useState<string | null>(null);
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const enrolment = start.data;

  useEffect(() => {
    if (enrolment) void QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 200 }).then(setQr);
  }, [enrolment]);

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;

  if (!enrolment) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      start.mutate(password);
    };
    return (
      <Stack component="form" onSubmit={submit}>
        <FormError error={start.error} />
        <PasswordInput
          label="Your password"
          description="To set up two-factor, confirm it is you"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldMessages(start.error)['password']}
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            Continue
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <Text size="sm">Scan this code with an authenticator app (1Password, Google Authenticator, Authy…), or type the key.</Text>
      {qr && <Image src={qr} alt="QR code for your authenticator app" w={200} h={200} />}
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }}>{enrolment.secret}</Code>
        <CopyButton value={enrolment.secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} style={{ flexShrink: 0 }}>
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <FormError error={confirm.error} />
      <TextInput
        label="Code from the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={fieldMessages(confirm.error)['code']}
      />
      <Group>
        <Button type="submit" loading={confirm.isPending}>
          Turn on two-factor
        </Button>
      </Group>
    </Stack>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack>
      <Text fw={600}>Two-factor is on. Save your recovery codes now: they are shown only once.</Text>
      <Text size="sm">Each code logs you in once if you lose your phone.</Text>
      <List spacing={2} style={{ fontFamily: 'monospace' }} aria-label="Recovery codes">
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button
          onClick={() => {
            notifications.show({ color: 'green', title: 'Two-factor is on', message: 'Your next login will ask for a code' });
            onDone();
          }}
        >
          I have saved them
        </Button>
      </Group>
    </Stack>
  );
}
