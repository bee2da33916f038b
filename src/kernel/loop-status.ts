/** How a background loop is doing, for /healthz and the metrics. */
export interface LoopStatus {
  name: string;
  healthy: boolean;
  /** Wall-clock instant of the first failure of the current outage, if failing. */
  failingSince: number | null;
  /** The last failure's message, if failing. */
  reason: string | null;
}
