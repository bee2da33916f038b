import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('teams API', (dialect) => {
  const t = useTestApp(dialect);

  async function newUser(email: string, role = 'responder') {
    const res = await t.admin.post('/api/v1/users', { email, name: email.split('@')[0], role, password: 'long-enough' });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  it('has the seeded demo team with its members', async () => {
    const teams = await t.admin.get('/api/v1/teams');
    const platform = teams.body.items.find((team: { name: string }) => team.name === 'Platform');
    expect(platform).toBeDefined();
    const detail = await t.admin.get(`/api/v1/teams/${platform.id}`);
    expect(detail.body.members.map((m: { email: string }) => m.email)).toContain('admin@example.com');
  });

  it('creates, renames, manages members and deletes a team', async () => {
    const created = await t.admin.post('/api/v1/teams', { name: 'Database', description: 'DBAs' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const renamed = await t.admin.patch(`/api/v1/teams/${id}`, { name: 'Databases' });
    expect(renamed.body).toMatchObject({ name: 'Databases', description: 'DBAs' });

    const user = await newUser('member1@example.com');
    const put = await t.admin.put(`/api/v1/teams/${id}/members/${user.id}`, { role: 'member' });
    expect(put.status).toBe(200);
    expect((await t.admin.put(`/api/v1/teams/${id}/members/${user.id}`, { role: 'manager' })).body.role).toBe('manager');
    let detail = await t.admin.get(`/api/v1/teams/${id}`);
    expect(detail.body.members).toEqual([{ userId: user.id, name: 'member1', email: 'member1@example.com', role: 'manager' }]);

    expect((await t.admin.delete(`/api/v1/teams/${id}/members/${user.id}`)).status).toBe(204);
    detail = await t.admin.get(`/api/v1/teams/${id}`);
    expect(detail.body.members).toEqual([]);

    expect((await t.admin.delete(`/api/v1/teams/${id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/teams/${id}`)).status).toBe(404);
  });

  it('refuses duplicate names with 409 and unknown members with a field path', async () => {
    await t.admin.post('/api/v1/teams', { name: 'Unique' });
    const dup = await t.admin.post('/api/v1/teams', { name: 'Unique' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'team_name_taken', errors: [{ path: '/body/name' }] });

    const team = (await t.admin.post('/api/v1/teams', { name: 'Other' })).body;
    const rename = await t.admin.patch(`/api/v1/teams/${team.id}`, { name: 'Unique' });
    expect(rename.status).toBe(409);
    expect((await t.admin.get(`/api/v1/teams/${team.id}`)).body.name).toBe('Other');

    const ghost = await t.admin.put(`/api/v1/teams/${team.id}/members/00000000-0000-4000-8000-000000000000`, { role: 'member' });
    expect(ghost.status).toBe(400);
    expect(ghost.body.errors[0].path).toBe('/params/userId');
    const badRole = await t.admin.put(`/api/v1/teams/${team.id}/members/00000000-0000-4000-8000-000000000000`, { role: 'boss' });
    expect(badRole.body.errors[0].path).toBe('/body/role');
  });

  it('gives team managers write access to their team only', async () => {
    const mine = (await t.admin.post('/api/v1/teams', { name: 'Mine' })).body;
    const theirs = (await t.admin.post('/api/v1/teams', { name: 'Theirs' })).body;
    const manager = await newUser('mgr@example.com');
    const plain = await newUser('plain@example.com');
    await t.admin.put(`/api/v1/teams/${mine.id}/members/${manager.id}`, { role: 'manager' });
    await t.admin.put(`/api/v1/teams/${mine.id}/members/${plain.id}`, { role: 'member' });

    const asManager = await t.login('mgr@example.com', 'long-enough');
    const asPlain = await t.login('plain@example.com', 'long-enough');
    expect((await asManager.patch(`/api/v1/teams/${mine.id}`, { description: 'ours' })).status).toBe(200);
    expect((await asManager.put(`/api/v1/teams/${mine.id}/members/${plain.id}`, { role: 'manager' })).status).toBe(200);
    expect((await asManager.patch(`/api/v1/teams/${theirs.id}`, { description: 'hijack' })).status).toBe(403);
    expect((await asManager.delete(`/api/v1/teams/${mine.id}`)).status).toBe(403);
    expect((await asManager.post('/api/v1/teams', { name: 'New' })).status).toBe(403);

    await t.admin.put(`/api/v1/teams/${mine.id}/members/${plain.id}`, { role: 'member' });
    expect((await asPlain.patch(`/api/v1/teams/${mine.id}`, { description: 'x' })).status).toBe(403);
    expect((await t.admin.get(`/api/v1/teams/${theirs.id}`)).body.description).toBe('');
  });

  it('does not let a viewer manage a team even as its manager', async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: 'Viewed' })).body;
    const viewer = await newUser('viewer-mgr@example.com', 'viewer');
    await t.admin.put(`/api/v1/teams/${team.id}/members/${viewer.id}`, { role: 'manager' });
    const asViewer = await t.login('viewer-mgr@example.com', 'long-enough');
    expect((await asViewer.patch(`/api/v1/teams/${team.id}`, { name: 'Nope' })).status).toBe(403);
  });

  it('removes memberships when a user is deleted', async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: 'Cascade' })).body;
    const user = await newUser('gone@example.com');
    await t.admin.put(`/api/v1/teams/${team.id}/members/${user.id}`, { role: 'member' });
    await t.admin.delete(`/api/v1/users/${user.id}`);
    expect((await t.admin.get(`/api/v1/teams/${team.id}`)).body.members).toEqual([]);
  });
});
