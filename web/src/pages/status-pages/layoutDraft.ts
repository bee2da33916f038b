import type { ComponentState, LayoutInput, StatusPageLayout } from '../../api/statusPageTypes';

/** A component being edited; `key` tells React which is which while they move, `id` keeps a saved one's history. */
export interface ComponentDraft {
  key: string;
  id?: string;
  name: string;
  description: string;
  source: 'monitors' | 'manual';
  monitorIds: string[];
  manualState: ComponentState;
}

export interface SectionDraft {
  key: string;
  id?: string;
  name: string;
  components: ComponentDraft[];
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export function toDraft(layout: StatusPageLayout): SectionDraft[] {
  return layout.sections.map((section) => ({
    key: section.id,
    id: section.id,
    name: section.name,
    components: section.components.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      description: c.description ?? '',
      source: c.manualState === null ? 'monitors' : 'manual',
      monitorIds: c.monitorIds,
      manualState: c.manualState ?? 'operational',
    })),
  }));
}

/** The layout to PUT: a component shows either its monitors or the state set by hand, never both. */
export function toLayout(sections: SectionDraft[]): LayoutInput {
  return {
    sections: sections.map((s) => ({
      ...(s.id !== undefined && { id: s.id }),
      name: s.name,
      components: s.components.map((c) => ({
        ...(c.id !== undefined && { id: c.id }),
        name: c.name,
        description: c.description.trim() === '' ? null : c.description,
        monitorIds: c.source === 'monitors' ? c.monitorIds : [],
        manualState: c.source === 'manual' ? c.manualState : null,
      })),
    })),
  };
}

export const newSection = (name: string): SectionDraft => ({ key: newKey(), name, components: [] });

export const newComponent = (): ComponentDraft => ({ key: newKey(), name: '', description: '', source: 'monitors', monitorIds: [], manualState: 'operational' });

/** The list with the item at `index` swapped with its neighbour `by` away; unchanged at either end. */
export function moved<T>(items: T[], index: number, by: -1 | 1): T[] {
  const other = index + by;
  if (other < 0 || other >= items.length) return items;
  const result = [...items];
  [result[index], result[other]] = [result[other] as T, result[index] as T];
  return result;
}
