import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { requiredTool } from '../support/required-tool.js';
import { useTestApp } from '../support/test-app.js';

const ops = (file: string) => fileURLToPath(new URL(`../../ops/${file}`, import.meta.url));
const rules = ops('prometheus/vigil-alerts.yml');
const dashboard = ops('grafana/vigil-dashboard.json');
const hasPromtool = requiredTool('/usr/bin/promtool', 'prometheus', 'the Prometheus alert rules tests');

describe.skipIf(!hasPromtool)('alert rules for Vigil itself', () => {
  const promtool = (...args: string[]) => execFileSync('/usr/bin/promtool', args, { cwd: ops('prometheus'), encoding: 'utf8' });

  it('are valid Prometheus rules', () => {
    expect(promtool('check', 'rules', rules)).toContain('SUCCESS: 10 rules found');
  });

  it('fire when their unit tests say (promtool test rules)', () => {
    expect(promtool('test', 'rules', 'vigil-alerts.test.yml')).toContain('SUCCESS');
  });
});

describeEachDatabase('the dashboard and alert rules', (dialect) => {
  const t = useTestApp(dialect);

  it('name only metrics that Vigil exposes', async () => {
    // Something of every kind happens, so every labelled series has been created.
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Named', teamId, policyId, kind: 'webhook' });
    const url = new URL(monitor.body.integrationUrl);
    expect((await t.anonymous.post(`${url.pathname}${url.search}`, { title: 'x' })).status).toBe(202);
    await t.vigil.engine.runOnce();

    const exposition = (await t.anonymous.get('/metrics')).body as string;
    const exposed = new Set([...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) =>
      type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name as string],
    ));
    const named = (text: string) => new Set(text.match(/\bvigil_[a-z0-9_]+/g));
    const referenced = new Set([...named(readFileSync(rules, 'utf8')), ...named(readFileSync(dashboard, 'utf8'))]);
    expect(referenced.size).toBeGreaterThan(10);
    expect([...referenced].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
