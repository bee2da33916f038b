import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyProblems, parentsFirst, suppressingParent, type DependencyEdge, type ParentIncident } from './dependencies.js';

const edges = (...pairs: [string, string][]): DependencyEdge[] => pairs.map(([monitorId, dependsOnId]) => ({ monitorId, dependsOnId }));

/** Whether the graph has a cycle, by Kahn's algorithm: independent of the code under test. */
function hasCycle(graph: readonly DependencyEdge[]): boolean {
  const nodes = new Set(graph.flatMap((e) => [e.monitorId, e.dependsOnId]));
  const inDegree = new Map([...nodes].map((n) => [n, 0]));
  for (const e of graph) inDegree.set(e.dependsOnId, (inDegree.get(e.dependsOnId) ?? 0) + 1);
  const ready = [...nodes].filter((n) => inDegree.get(n) === 0);
  let removed = 0;
  while (ready.length > 0) {
    const n = ready.pop() as string;
    removed++;
    for (const e of graph) {
      if (e.monitorId !== n) continue;
      const left = (inDegree.get(e.dependsOnId) as number) - 1;
      inDegree.set(e.dependsOnId, left);
      if (left === 0) ready.push(e.dependsOnId);
    }
  }
  return removed < nodes.size;
}

const replaced = (graph: readonly DependencyEdge[], monitorId: string, dependsOn: readonly string[]) => [
  ...graph.filter((e) => e.monitorId !== monitorId),
  ...dependsOn.map((dependsOnId) => ({ monitorId, dependsOnId })),
];

/** The graph left by a history of edits, each applied only if accepted. */
function accepted(edits: readonly { monitorId: string; dependsOn: string[] }[]): DependencyEdge[] {
  let graph: DependencyEdge[] = [];
  for (const { monitorId, dependsOn } of edits) if (dependencyProblems(monitorId, dependsOn, graph).length === 0) graph = replaced(graph, monitorId, dependsOn);
  return graph;
}

describe('dependencyProblems', () => {
  it('accepts parents that do not lead back, and an empty list', () => {
    const current = edges(['web', 'api'], ['api', 'db']);
    expect(dependencyProblems('web', ['api', 'db'], current)).toEqual([]);
    expect(dependencyProblems('db', [], current)).toEqual([]);
    expect(dependencyProblems('cache', ['db'], current)).toEqual([]);
  });

  it('refuses the monitor itself', () => {
    expect(dependencyProblems('web', ['api', 'web'], [])).toEqual([{ index: 1, reason: 'self' }]);
  });

  it('refuses each parent that already depends on the monitor, with the cycle it would close', () => {
    const current = edges(['web', 'api'], ['api', 'db'], ['cache', 'disk']);
    expect(dependencyProblems('db', ['cache', 'web', 'api'], current)).toEqual([
      { index: 1, reason: 'cycle', cycle: ['db', 'web', 'api', 'db'] },
      { index: 2, reason: 'cycle', cycle: ['db', 'api', 'db'] },
    ]);
  });

  it("ignores the monitor's current parents, which the list replaces", () => {
    // web → api today; making api depend on web is fine once web no longer depends on api.
    expect(dependencyProblems('web', [], edges(['web', 'api']))).toEqual([]);
    expect(dependencyProblems('api', ['web'], edges(['web', 'api']))).toHaveLength(1);
  });

  it('finds a cycle through a diamond and a long chain', () => {
    const chain = edges(...Array.from({ length: 500 }, (_, i): [string, string] => [`m${i}`, `m${i + 1}`]), ['m0', 'side'], ['side', 'm250']);
    expect(dependencyProblems('m500', ['m0'], chain)).toEqual([{ index: 0, reason: 'cycle', cycle: ['m500', 'm0', 'side', ...Array.from({ length: 251 }, (_, i) => `m${250 + i}`)] }]);
  });

  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const edit = fc.record({ monitorId: fc.constantFrom(...ids), dependsOn: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }) });

  it('never lets a cycle in: over any sequence of edits, an edit is accepted exactly when the graph stays acyclic', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let graph: DependencyEdge[] = [];
        for (const { monitorId, dependsOn } of edits) {
          const problems = dependencyProblems(monitorId, dependsOn, graph);
          const next = replaced(graph, monitorId, dependsOn);
          expect(problems.length === 0).toBe(!hasCycle(next));
          if (problems.length === 0) graph = next;
        }
        expect(hasCycle(graph)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly the entries that close a cycle: each alone does, the rest together do not', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 20 }), edit, (history, { monitorId, dependsOn }) => {
        const graph = accepted(history);
        const refused = new Set(dependencyProblems(monitorId, dependsOn, graph).map((p) => p.index));
        for (const index of refused) expect(hasCycle(replaced(graph, monitorId, [dependsOn[index] as string]))).toBe(true);
        expect(hasCycle(replaced(graph, monitorId, dependsOn.filter((_, i) => !refused.has(i))))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives cycles that are real paths of edges, from the monitor back to it', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 20 }), edit, (history, { monitorId, dependsOn }) => {
        const graph = accepted(history);
        const after = replaced(graph, monitorId, dependsOn);
        for (const problem of dependencyProblems(monitorId, dependsOn, graph)) {
          if (problem.reason !== 'cycle') continue;
          expect(problem.cycle[0]).toBe(monitorId);
          expect(problem.cycle.at(-1)).toBe(monitorId);
          expect(problem.cycle[1]).toBe(dependsOn[problem.index]);
          for (let i = 0; i + 1 < problem.cycle.length; i++) {
            expect(after).toContainEqual({ monitorId: problem.cycle[i], dependsOnId: problem.cycle[i + 1] });
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('suppressingParent', () => {
  const incident = (incidentId: string, over: Partial<ParentIncident> = {}): ParentIncident => ({
    incidentId,
    monitorId: `monitor-of-${incidentId}`,
    triggeredAt: 1_000,
    dedupKey: null,
    suppression: null,
    ...over,
  });

  it('is none while no parent has an open incident', () => {
    expect(suppressingParent([])).toBeNull();
  });

  it("links to a down parent's incident", () => {
    expect(suppressingParent([incident('i1')])).toEqual({ by: 'parent', incidentId: 'i1', monitorId: 'monitor-of-i1' });
  });

  it('does not count incidents an event rule suppressed, nor certificate warnings', () => {
    expect(suppressingParent([incident('i1', { suppression: { by: 'rule', rule: 'quiet' } }), incident('i2', { dedupKey: 'certificate' })])).toBeNull();
  });

  it('counts a parent that is itself suppressed by its own parent, but prefers one that pages', () => {
    const chained = incident('i1', { triggeredAt: 500, suppression: { by: 'parent', incidentId: 'g', monitorId: 'grand' } });
    expect(suppressingParent([chained])).toMatchObject({ incidentId: 'i1' });
    expect(suppressingParent([chained, incident('i2', { triggeredAt: 900 })])).toMatchObject({ incidentId: 'i2' });
  });

  it('takes the oldest of several, whatever their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (times) => {
        const open = times.map((t, i) => incident(`i${i}`, { triggeredAt: t }));
        const oldest = open.reduce((a, b) => (a.triggeredAt <= b.triggeredAt ? a : b));
        expect(suppressingParent(open)?.incidentId).toBe(oldest.incidentId);
        expect(suppressingParent([...open].reverse())?.incidentId).toBe(oldest.incidentId);
      }),
    );
  });
});

describe('parentsFirst', () => {
  const parentsOf = (pairs: [string, string][]) => {
    const map = new Map<string, string[]>();
    for (const [child, parent] of pairs) map.set(child, [...(map.get(child) ?? []), parent]);
    return map;
  };

  it('puts a parent before its children, through chains, and leaves unrelated monitors as given', () => {
    const parents = parentsOf([
      ['web', 'api'],
      ['api', 'db'],
      ['cron', 'db'],
    ]);
    expect(parentsFirst(['web', 'other', 'api', 'db'], parents)).toEqual(['db', 'api', 'web', 'other']);
    // A parent outside the batch does not hold its child back.
    expect(parentsFirst(['cron', 'web'], parents)).toEqual(['cron', 'web']);
    expect(parentsFirst(['a', 'b'], new Map())).toEqual(['a', 'b']);
  });

  it('ends on a cycle, placing each monitor once', () => {
    expect(parentsFirst(['a', 'b'], parentsOf([['a', 'b'], ['b', 'a']])).sort()).toEqual(['a', 'b']);
  });

  it('orders any acyclic graph so that every edge within the batch runs parent first, keeping every monitor once', () => {
    const acyclic = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 30 })
      // Parents have lower numbers than their children here, so the graph has no cycle.
      .map((pairs) => pairs.filter(([a, b]) => a > b).map(([a, b]): [string, string] => [`m${a}`, `m${b}`]));
    fc.assert(
      fc.property(acyclic, fc.shuffledSubarray(Array.from({ length: 10 }, (_, i) => `m${i}`)), (pairs, batch) => {
        const order = parentsFirst(batch, parentsOf(pairs));
        expect([...order].sort()).toEqual([...batch].sort());
        for (const [child, parent] of pairs) {
          if (batch.includes(child) && batch.includes(parent)) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(child));
        }
      }),
    );
  });
});
