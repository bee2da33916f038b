import type { DestinationPolicy } from '../core/destination-policy.js';
import type { CheckOutcome, CheckSpec } from '../core/monitor/types.js';
import { probeDns } from './dns-probe.js';
import type { HttpProber } from './http-probe.js';
import { probePing } from './ping-probe.js';
import { probeTcp } from './tcp-probe.js';

export type Probe = (spec: CheckSpec, timeoutMs: number) => Promise<CheckOutcome>;

/** Runs one check of any kind under the destination policy; HTTP checks share the prober's connection pools (and its policy). */
export function createProbe(http: HttpProber, policy: DestinationPolicy): Probe {
  return (spec, timeoutMs) => {
    switch (spec.kind) {
      case 'http':
        return http.probe(spec.http, timeoutMs);
      case 'tcp':
        return probeTcp(spec.tcp, timeoutMs, policy);
      case 'dns':
        return probeDns(spec.dns, timeoutMs, policy);
      case 'ping':
        return probePing(spec.ping, timeoutMs, policy);
    }
  };
}
