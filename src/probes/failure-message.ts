/** A failed probe's error as one line for a human: the code says most of it. */
export function failureMessage(err: unknown, timeoutMs: number): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: string }).code;
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return `Timed out after ${timeoutMs} ms`;
  }
  const cause = err.cause instanceof Error ? err.cause : null;
  const detail = cause?.message ?? err.message;
  const causeCode = (cause as { code?: string } | null)?.code ?? code;
  return causeCode && !detail.includes(causeCode) ? `${causeCode}: ${detail}` : detail;
}
