import { Fieldset, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { messagesUnder } from '../../api/ApiError';
import type { CheckKind, DnsRecordType } from '../../api/checkTypes';
import type { CheckedDraft } from './checkDraft';
import { HttpFields } from './HttpFields';

const recordTypes: DnsRecordType[] = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'];

interface CheckTargetFieldsProps {
  kind: CheckKind;
  value: CheckedDraft;
  onChange: (value: CheckedDraft) => void;
  /** Field errors under /body, keyed by their path: "http/url", "tcp/port". */
  errors: Record<string, string>;
  headersError: string | undefined;
}

/** What the kind checks: the spec the API keeps under the kind's name. */
export function CheckTargetFields({ kind, value, onChange, errors, headersError }: CheckTargetFieldsProps) {
  const at = messagesUnder(errors, kind);
  // A missing spec is reported on the spec itself: show it at its first field.
  const first = (field: string) => at[field] ?? at[''];
  const { tcp, dns, ping } = value;
  return (
    <Fieldset legend="Target">
      {kind === 'http' && <HttpFields value={value.http} onChange={(http) => onChange({ ...value, http })} errors={at} headersError={headersError} />}
      {kind === 'tcp' && (
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label="Host"
            required
            style={{ flex: 1 }}
            placeholder="db.example.com"
            value={tcp.host}
            onChange={(e) => onChange({ ...value, tcp: { ...tcp, host: e.currentTarget.value } })}
            error={first('host')}
          />
          <NumberInput
            label="Port"
            required
            w={120}
            min={1}
            max={65535}
            allowDecimal={false}
            clampBehavior="none"
            value={tcp.port}
            onChange={(port) => onChange({ ...value, tcp: { ...tcp, port } })}
            error={at['port']}
          />
        </Group>
      )}
      {kind === 'dns' && (
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            required
            placeholder="example.com"
            value={dns.name}
            onChange={(e) => onChange({ ...value, dns: { ...dns, name: e.currentTarget.value } })}
            error={first('name')}
          />
          <Select
            label="Record type"
            allowDeselect={false}
            data={recordTypes}
            value={dns.recordType}
            onChange={(recordType) => recordType !== null && onChange({ ...value, dns: { ...dns, recordType: recordType as DnsRecordType } })}
            error={at['recordType']}
          />
        </Group>
      )}
      {kind === 'dns' && (
        <Group grow align="flex-start" mt="sm">
          <TextInput
            label="Answer contains"
            description="Optional; otherwise any answer is up"
            value={dns.contains}
            onChange={(e) => onChange({ ...value, dns: { ...dns, contains: e.currentTarget.value } })}
            error={at['contains']}
          />
          <TextInput
            label="DNS server"
            description="Optional IP, with :port if not 53"
            placeholder="1.1.1.1"
            value={dns.server}
            onChange={(e) => onChange({ ...value, dns: { ...dns, server: e.currentTarget.value } })}
            error={at['server']}
          />
        </Group>
      )}
      {kind === 'ping' && (
        <TextInput
          label="Host"
          required
          placeholder="gateway.example.com"
          value={ping.host}
          onChange={(e) => onChange({ ...value, ping: { host: e.currentTarget.value } })}
          error={first('host')}
        />
      )}
    </Fieldset>
  );
}
