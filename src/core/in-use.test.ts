import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertSettled, InUseError, type Reference } from './in-use.js';

const target: Reference = { kind: 'policy', id: 'p', name: 'Web', via: 'target', step: 1, targetType: 'user', settledBy: ['force', 'replaceWith'] };
const roster: Reference = { kind: 'schedule', id: 's', name: 'Primary', via: 'roster', layerId: 'l', layerName: 'Days', settledBy: ['force'] };
const none = { force: false, replaceWith: undefined };

describe('assertSettled', () => {
  it('lets a deletion nothing relies on through, whatever the options', () => {
    expect(() => assertSettled('in_use', 'User "A"', [], none)).not.toThrow();
    expect(() => assertSettled('in_use', 'User "A"', [], { force: true, replaceWith: undefined })).not.toThrow();
  });

  it('refuses without an option, naming each reference and the options that would settle them all', () => {
    const refused = (() => {
      try {
        assertSettled('in_use', 'User "A"', [target, roster], none);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(InUseError);
    expect(refused).toMatchObject({
      code: 'in_use',
      status: 409,
      references: [target, roster],
      message: 'User "A" is still used by policy "Web" step 2, schedule "Primary" layer "Days": pass force=true to delete it anyway',
    });
  });

  it('goes ahead only when the chosen option settles every reference', () => {
    expect(() => assertSettled('in_use', 'x', [target, roster], { force: true, replaceWith: undefined })).not.toThrow();
    expect(() => assertSettled('in_use', 'x', [target], { force: false, replaceWith: 'u' })).not.toThrow();
    expect(() => assertSettled('in_use', 'x', [target, roster], { force: false, replaceWith: 'u' })).toThrow(InUseError);
  });

  it('refuses force and replaceWith together as a bad query', () => {
    const both = () => assertSettled('in_use', 'x', [target], { force: true, replaceWith: 'u' });
    expect(both).toThrow(AppError);
    expect(both).not.toThrow(InUseError);
  });
});
