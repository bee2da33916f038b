import { expect, it } from 'vitest';
import { diffSnapshots } from './diff.js';

it('lists only the fields that changed, by JSON pointer', () => {
  expect(diffSnapshots({ name: 'Web', config: { timeout: 5, url: 'a' }, paused: false }, { name: 'Web', config: { timeout: 10, url: 'a' }, paused: true })).toEqual([
    { path: '/config/timeout', before: 5, after: 10 },
    { path: '/paused', before: false, after: true },
  ]);
});

it('compares arrays whole and lists every field on creation and deletion', () => {
  expect(diffSnapshots({ steps: [1, 2] }, { steps: [2, 1] })).toEqual([{ path: '/steps', before: [1, 2], after: [2, 1] }]);
  expect(diffSnapshots(null, { name: 'a', 'members/x': 'manager' })).toEqual([
    { path: '/name', before: null, after: 'a' },
    { path: '/members~1x', before: null, after: 'manager' },
  ]);
  expect(diffSnapshots({ name: 'a' }, null)).toEqual([{ path: '/name', before: 'a', after: null }]);
  expect(diffSnapshots({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
});
