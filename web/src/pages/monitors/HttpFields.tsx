import { Group, NumberInput, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { firstMessageUnder } from '../../api/ApiError';
import type { HttpMethod } from '../../api/checkTypes';
import type { HttpDraft } from './checkDraft';

const methods: HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const keywordModes = [
  { value: 'present', label: 'Up when the body contains it' },
  { value: 'absent', label: 'Up when the body lacks it' },
];

interface HttpFieldsProps {
  value: HttpDraft;
  onChange: (value: HttpDraft) => void;
  /** Field errors under /body/http, keyed like "url" or "expectedStatus/1" ('' for the spec itself). */
  errors: Record<string, string>;
  /** Lines of the headers text that are not "Name: value", found before sending. */
  headersError: string | undefined;
}

/** What an HTTP(S) check requests and what answer counts as up. */
export function HttpFields({ value, onChange, errors, headersError }: HttpFieldsProps) {
  const set = <K extends keyof HttpDraft>(key: K, v: HttpDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm">
      <Group align="flex-start" wrap="nowrap">
        <Select
          label="Method"
          w={120}
          allowDeselect={false}
          data={methods}
          value={value.method}
          onChange={(method) => method !== null && set('method', method as HttpMethod)}
          error={errors['method']}
        />
        <TextInput
          label="URL"
          required
          style={{ flex: 1 }}
          placeholder="https://example.com/health"
          value={value.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          // An error on the spec as a whole shows at its first field.
          error={errors['url'] ?? errors['']}
        />
      </Group>
      <TextInput
        label="Expected status codes"
        description="Codes and ranges, comma-separated: 200-299, 301"
        value={value.expectedStatus}
        onChange={(e) => set('expectedStatus', e.currentTarget.value)}
        error={firstMessageUnder(errors, 'expectedStatus')}
      />
      <Group grow align="flex-start">
        <TextInput
          label="Keyword"
          description="Optional text to look for in the response body"
          value={value.keyword}
          onChange={(e) => set('keyword', e.currentTarget.value)}
          error={errors['keyword']}
        />
        <Select
          label="Keyword check"
          description="Whether the keyword means up or down"
          allowDeselect={false}
          disabled={value.keyword === ''}
          data={keywordModes}
          value={value.keywordMode}
          onChange={(mode) => mode !== null && set('keywordMode', mode as HttpDraft['keywordMode'])}
          error={errors['keywordMode']}
        />
      </Group>
      <Textarea
        label="Request headers"
        description="One per line: Name: value"
        autosize
        minRows={2}
        styles={{ input: { fontFamily: 'monospace' } }}
        placeholder="Authorization: Bearer …"
        value={value.headers}
        onChange={(e) => set('headers', e.currentTarget.value)}
        error={headersError ?? firstMessageUnder(errors, 'headers')}
      />
      <Textarea
        label="Request body"
        autosize
        minRows={2}
        styles={{ input: { fontFamily: 'monospace' } }}
        value={value.body}
        onChange={(e) => set('body', e.currentTarget.value)}
        error={errors['body']}
      />
      <Group grow align="flex-start">
        <Switch
          label="Follow redirects"
          mt="xl"
          checked={value.followRedirects}
          onChange={(e) => set('followRedirects', e.currentTarget.checked)}
          error={errors['followRedirects']}
        />
        <NumberInput
          label="At most (redirects)"
          description="0 to 10"
          min={0}
          max={10}
          allowDecimal={false}
          clampBehavior="none"
          disabled={!value.followRedirects}
          value={value.maxRedirects}
          onChange={(v) => set('maxRedirects', v)}
          error={errors['maxRedirects']}
        />
      </Group>
      <Group grow align="flex-start">
        <Switch
          label="Verify TLS certificate"
          description="Off accepts self-signed and expired certificates."
          checked={value.verifyTls}
          onChange={(e) => set('verifyTls', e.currentTarget.checked)}
          error={errors['verifyTls']}
        />
        <NumberInput
          label="Certificate warning (days)"
          description="Open an incident this long before it expires; 0 for never"
          min={0}
          max={365}
          allowDecimal={false}
          clampBehavior="none"
          value={value.certExpiryDays}
          onChange={(v) => set('certExpiryDays', v)}
          error={errors['certExpiryDays']}
        />
      </Group>
    </Stack>
  );
}
