import { useMonitorPagingPlan } from '../../api/pagingPlan';
import { PagingPlanPanel } from '../policies/plan/PagingPlanPanel';
import { usePlanInstant } from '../policies/plan/usePlanInstant';

/** Who this monitor would page, through its escalation policy. */
export function MonitorPagingPlan({ monitorId, policyId }: { monitorId: string; policyId: string }) {
  const instant = usePlanInstant();
  return <PagingPlanPanel plan={useMonitorPagingPlan(monitorId, policyId, instant.iso)} instant={instant} />;
}
