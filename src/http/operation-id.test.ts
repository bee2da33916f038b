import { describe, expect, it } from 'vitest';
import { operationIdOf } from './operation-id.js';

describe('operationIdOf', () => {
  it('is the method then the path in PascalCase, parameters as By<Name>', () => {
    expect(operationIdOf('GET', '/incidents')).toBe('getIncidents');
    expect(operationIdOf('GET', '/incidents/:id')).toBe('getIncidentsById');
    expect(operationIdOf('POST', '/incidents/{id}/acknowledge')).toBe('postIncidentsByIdAcknowledge');
    expect(operationIdOf('DELETE', '/users/:id/contact-methods/:itemId')).toBe('deleteUsersByIdContactMethodsByItemId');
  });

  it('keeps words apart where the path has dots, dashes or versions', () => {
    expect(operationIdOf('GET', '/schedules/:id/hours.csv')).toBe('getSchedulesByIdHoursCsv');
    expect(operationIdOf('POST', '/integrations/pagerduty/v2/enqueue')).toBe('postIntegrationsPagerdutyV2Enqueue');
    expect(operationIdOf('GET', '/calendar.ics')).toBe('getCalendarIcs');
  });

  it('tells apart every method and path of one resource', () => {
    const ids = ['GET /teams', 'POST /teams', 'GET /teams/:id', 'PATCH /teams/:id', 'DELETE /teams/:id', 'PUT /teams/:id/members/:userId'].map((route) => {
      const [method = '', path = ''] = route.split(' ');
      return operationIdOf(method, path);
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
  });
});
