import type { DnsSpec } from './types.js';

/** A DNS check passes when the name resolves and, if asked, an answer matches. */
export function evaluateDns(spec: Pick<DnsSpec, 'name' | 'recordType' | 'contains'>, answers: string[]): { ok: boolean; message: string } {
  if (answers.length === 0) return { ok: false, message: `No ${spec.recordType} record for ${spec.name}` };
  const listed = answers.join(', ');
  if (spec.contains !== undefined && spec.contains !== '') {
    // Names compare without case or a trailing dot: "Mail.Example.com." is mail.example.com.
    const norm = (s: string) => s.trim().toLowerCase().replace(/\.$/, '');
    const wanted = norm(spec.contains);
    if (!answers.some((a) => norm(a) === wanted || norm(a).includes(wanted))) {
      return { ok: false, message: `${spec.recordType} ${spec.name}: ${listed}; none matches "${spec.contains}"` };
    }
  }
  return { ok: true, message: `${spec.recordType} ${spec.name}: ${listed}` };
}
