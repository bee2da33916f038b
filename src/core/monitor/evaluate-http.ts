import { statusAccepted } from './status-ranges.js';
import type { HttpSpec } from './types.js';

export interface HttpAnswer {
  status: number;
  /** Read only when the spec has a keyword. */
  body: string | null;
}

/** Whether an HTTP answer passes the check, and what to tell a human about it. */
export function evaluateHttp(spec: Pick<HttpSpec, 'expectedStatus' | 'keyword' | 'keywordMode'>, answer: HttpAnswer): { ok: boolean; message: string } {
  if (!statusAccepted(spec.expectedStatus, answer.status)) {
    return { ok: false, message: `HTTP ${answer.status}, expected ${spec.expectedStatus.join(', ')}` };
  }
  if (spec.keyword !== undefined && spec.keyword !== '') {
    const found = (answer.body ?? '').includes(spec.keyword);
    if (spec.keywordMode === 'present' && !found) return { ok: false, message: `HTTP ${answer.status}, but "${spec.keyword}" is not in the body` };
    if (spec.keywordMode === 'absent' && found) return { ok: false, message: `HTTP ${answer.status}, but "${spec.keyword}" is in the body` };
  }
  return { ok: true, message: `HTTP ${answer.status}` };
}
