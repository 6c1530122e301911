import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, migrate, MIGRATIONS, openDatabase } from '../src/index.js';
import { tempDir } from './helpers.js';

describe('database and migrations', () => {
  it('creates the schema at the latest version, and opening again applies nothing', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toEqual([]);
    db.close();
    openDatabase(dir).close();
  });

  it('upgrades an older database step by step, keeping its rows', () => {
    const dir = tempDir();
    const old = new Database(join(dir, DB_FILE));
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual([1]);
    old.prepare(`INSERT INTO scans (id, seq, status, source, name, target, token_name, created_at) VALUES ('a', 1, 'done', 'path', 'n', '/t', 'x', 'now')`).run();
    old.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id FROM scans').all()).toEqual([{ id: 'a' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM counters').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer modelgate', () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/schema version 99 is newer/);
  });

  it('rolls a failing migration back as a whole', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: 3, description: 'broken', sql: 'CREATE TABLE t (x); SELECT * FROM missing;' }];
    expect(() => migrate(db, broken)).toThrow(/missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 't'`).get()).toBeUndefined();
  });
});
