const pascal = (segment: string) =>
  segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/**
 * The operationId of a route, derived from its method and path so it is unique by
 * construction and stable while the path is: the lower-case method, then each path
 * segment in PascalCase, a parameter as `By<Name>`. `GET /incidents/{id}` →
 * `getIncidentsById`, `POST /incidents/{id}/acknowledge` → `postIncidentsByIdAcknowledge`,
 * `GET /schedules/{id}/hours.csv` → `getSchedulesByIdHoursCsv`. The API prefix is
 * left out. Generators (openapi-typescript, Orval, hey-api) name client calls after it.
 */
export function operationIdOf(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^(?::(.+)|\{(.+)\})$/.exec(segment);
      return param ? `By${pascal(param[1] ?? param[2] ?? '')}` : pascal(segment);
    });
  return `${method.toLowerCase()}${segments.join('')}`;
}
