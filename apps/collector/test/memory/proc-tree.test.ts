import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseStat, procTable, treeOf, type ProcEntry } from '../../src/memory/proc-tree.ts';

test('parseStat reads ppid and process group after the last ")", whatever the command name holds', () => {
  assert.deepEqual(parseStat('4242 (node) S 4200 4242 4242 0 -1 4194560 …'), { ppid: 4200, pgrp: 4242 });
  assert.deepEqual(parseStat('17 (a b) (c)) R 1 17 17 0'), { ppid: 1, pgrp: 17 });
  assert.equal(parseStat('garbage'), null);
});

test('treeOf: the root, its descendants, and orphans still in its process group; nothing else', () => {
  const table = new Map<number, ProcEntry>([
    [1, { ppid: 0, pgrp: 1 }],
    [100, { ppid: 1, pgrp: 100 }], // the command
    [101, { ppid: 100, pgrp: 100 }], // a worker
    [102, { ppid: 101, pgrp: 100 }], // the worker's child
    [103, { ppid: 1, pgrp: 100 }], // a worker whose primary died: reparented, still in the group
    [104, { ppid: 101, pgrp: 104 }], // a descendant in a group of its own
    [200, { ppid: 1, pgrp: 200 }], // unrelated
  ]);
  assert.deepEqual(
    treeOf(100, table).sort((a, b) => a - b),
    [100, 101, 102, 103, 104],
  );
  assert.deepEqual(treeOf(999, table), [999], 'a root that is gone is the tree alone');
});

test('procTable lists a /proc-like folder, reads each new pid once and forgets the gone ones', () => {
  const proc = mkdtempSync(path.join(os.tmpdir(), 'arena-proc-'));
  const add = (pid: number, ppid: number) => {
    mkdirSync(path.join(proc, String(pid)));
    writeFileSync(path.join(proc, String(pid), 'stat'), `${pid} (x) S ${ppid} ${pid} 0`);
  };
  mkdirSync(path.join(proc, 'self'));
  add(10, 1);
  const scan = procTable(proc);
  assert.deepEqual([...scan()], [[10, { ppid: 1, pgrp: 10 }]]);
  // A known pid's stat is not read again: a rewrite goes unseen until the pid is gone and back.
  writeFileSync(path.join(proc, '10', 'stat'), '10 (x) S 7 7 0');
  add(11, 10);
  assert.deepEqual([...scan()].sort(), [
    [10, { ppid: 1, pgrp: 10 }],
    [11, { ppid: 10, pgrp: 11 }],
  ]);
  rmSync(path.join(proc, '11'), { recursive: true });
  mkdirSync(path.join(proc, '12')); // gone before its stat could be read
  assert.deepEqual([...scan()], [[10, { ppid: 1, pgrp: 10 }]]);
});
