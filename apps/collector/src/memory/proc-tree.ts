import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a process's /proc/<pid>/stat says about its place in the tree. */
export interface ProcEntry {
  ppid: number;
  /** Its process group: a variant's workers stay in the group of the command even when orphaned. */
  pgrp: number;
}

/**
 * Parses /proc/<pid>/stat: `pid (comm) state ppid pgrp …`. comm may hold spaces and parentheses,
 * so the fields are read after its last `)`. null when the text is not a stat line.
 */
export function parseStat(text: string): ProcEntry | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const [, ppid, pgrp] = text.slice(close + 2).split(' ');
  const entry = { ppid: Number(ppid), pgrp: Number(pgrp) };
  return Number.isInteger(entry.ppid) && Number.isInteger(entry.pgrp) ? entry : null;
}

/**
 * The process tree of `root`: itself, its descendants, and every process of its process group (a
 * worker whose parent died is reparented away from the tree but stays in the group). Pure.
 */
export function treeOf(root: number, table: ReadonlyMap<number, ProcEntry>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, e] of table) children.set(e.ppid, [...(children.get(e.ppid) ?? []), pid]);
  const tree = new Set<number>([root]);
  for (const [pid, e] of table) if (e.pgrp === root) tree.add(pid);
  const queue = [...tree];
  while (queue.length) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!tree.has(child)) {
        tree.add(child);
        queue.push(child);
      }
    }
  }
  return [...tree];
}

/**
 * A reader of the process table from `proc` (/proc). /proc/<pid>/task/<tid>/children needs a kernel
 * option this machine lacks, so every scan lists /proc; each pid's stat is read once (a sampler scans
 * every few ms) and forgotten when the pid is gone.
 */
export function procTable(proc = '/proc'): () => Map<number, ProcEntry> {
  const known = new Map<number, ProcEntry>();
  return () => {
    const live = new Set<number>();
    for (const name of readdirSync(proc)) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      live.add(pid);
      if (known.has(pid)) continue;
      try {
        const entry = parseStat(readFileSync(path.join(proc, name, 'stat'), 'utf8'));
        if (entry) known.set(pid, entry);
      } catch {
        // Gone between the listing and the read.
      }
    }
    for (const pid of known.keys()) if (!live.has(pid)) known.delete(pid);
    return new Map(known);
  };
}
