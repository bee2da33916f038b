import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { limitsAsExpressions } from './sqlite-limit-parameters.js';

describe('limitsAsExpressions', () => {
  it('turns every bound limit and offset into an expression, and nothing else', () => {
    expect(limitsAsExpressions('select "a" from "t" where "a" = ? order by "a" limit ? offset ?')).toBe('select "a" from "t" where "a" = ? order by "a" limit ? + 0 offset ? + 0');
    expect(limitsAsExpressions('select (select "b" from "u" limit ?) as "x" from "t" limit ?')).toBe('select (select "b" from "u" limit ? + 0) as "x" from "t" limit ? + 0');
    expect(limitsAsExpressions('update "t" set "a" = ? where "a" = ? limit ?')).toBe('update "t" set "a" = ? where "a" = ? limit ? + 0');
    for (const unchanged of ['select 1 limit 5', 'select 1 limit ? + 1', 'select "limit" from "t" where "limit" = ?', 'select * from "t" where "no_limit" = ?']) {
      expect(limitsAsExpressions(unchanged)).toBe(unchanged);
    }
  });

  it('keeps the rows SQLite answers, for limits and offsets of any value', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer primary key)');
    const insert = sqlite.prepare('insert into t (n) values (?)');
    for (let n = 1; n <= 20; n++) insert.run(n);
    const sql = 'select n from t where n > ? order by n limit ? offset ?';
    const bare = sqlite.prepare(sql);
    const rewritten = sqlite.prepare(limitsAsExpressions(sql));
    for (const [above, limit, offset] of [[0, 5, 0], [3, 1, 2], [10, 100, 0], [0, 0, 0], [0, -1, 15], [19, 5, 1]]) {
      expect(rewritten.all(above, limit, offset)).toEqual(bare.all(above, limit, offset));
    }
  });
});
