interface TeamOwned {
  id: string;
  name: string;
  teamId: string;
}

/**
 * Select options for schedules or policies. Names are unique only within a team, so when
 * the list holds items of more than one team every label names its team: "Primary
 * (Platform)" and "Primary (Database)" can be told apart.
 */
export function teamLabelledOptions(items: readonly TeamOwned[], teams: readonly { id: string; name: string }[] | undefined): { value: string; label: string }[] {
  const several = new Set(items.map((item) => item.teamId)).size > 1;
  const teamNames = new Map((teams ?? []).map((team) => [team.id, team.name]));
  return items.map((item) => ({ value: item.id, label: several ? `${item.name} (${teamNames.get(item.teamId) ?? 'another team'})` : item.name }));
}
