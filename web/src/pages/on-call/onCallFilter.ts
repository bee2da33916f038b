import type { OnCall } from '../../api/scheduleTypes';

/** Everyone an on-call answer names: now on any layer, and next. */
function peopleOf(item: OnCall): string[] {
  return [item.primary?.user.name, item.next?.user?.name, ...item.layers.map((l) => l.user?.name)].filter((n): n is string => n !== undefined);
}

/**
 * Whether a schedule shows under the filters: its team when one is chosen (empty: any),
 * and a search that matches the schedule's name or the name of anyone on call now or next,
 * ignoring case and accents.
 */
export function onCallMatches(item: OnCall, teamId: string, search: string): boolean {
  if (teamId !== '' && item.team.id !== teamId) return false;
  const words = fold(search).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystacks = [item.scheduleName, ...peopleOf(item)].map(fold);
  return words.every((word) => haystacks.some((h) => h.includes(word)));
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The teams that own the schedules, each once, by name. */
export function teamsOf(items: OnCall[]): OnCall['team'][] {
  const byId = new Map(items.map((i) => [i.team.id, i.team]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
