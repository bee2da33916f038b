import { useDebouncedValue } from '@mantine/hooks';
import { useDraftPagingPlan } from '../../../api/pagingPlan';
import { toInput, type PolicyDraft } from '../policyDraft';
import { PagingPlanPanel } from './PagingPlanPanel';
import { usePlanInstant } from './usePlanInstant';

/** The plan of the policy as edited, before it is saved. */
export function DraftPagingPlan({ draft }: { draft: PolicyDraft }) {
  // Typing a wait should not send a request per keystroke.
  const [settled] = useDebouncedValue(draft, 400);
  const instant = usePlanInstant();
  const ready = settled.steps.every((s) => s.targets.length > 0);
  const plan = useDraftPagingPlan(ready ? { repeat: settled.repeat, steps: toInput(settled).steps } : null, instant.iso);
  return <PagingPlanPanel plan={plan} instant={instant} hint={ready ? undefined : 'Give every step a target to see who would be paged.'} />;
}
