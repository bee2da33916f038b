import type { StatusPageView } from '../../api/statusPageTypes';

/** A page's saved components for a multi-select, grouped by section. */
export function componentChoices(view: StatusPageView | undefined): { group: string; items: { value: string; label: string }[] }[] {
  return (view?.sections ?? [])
    .filter((s) => s.components.length > 0)
    .map((s) => ({ group: s.name, items: s.components.map((c) => ({ value: c.id, label: c.name })) }));
}

/** Names of components by id, for lists; one no longer on the page is left out. */
export function componentNames(view: StatusPageView | undefined, ids: string[]): string {
  const all = (view?.sections ?? []).flatMap((s) => s.components);
  return ids
    .map((id) => all.find((c) => c.id === id)?.name)
    .filter((name) => name !== undefined)
    .join(', ');
}
