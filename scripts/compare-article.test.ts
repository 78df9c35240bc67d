// The article comparison's answer checks, on stand-in programs (no real timing):
//   node --import tsx --test scripts/compare-article.test.ts
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkArticleRun, checkTimedOutput, timePair, verifyPrograms, type Program } from './compare-article.ts';

const FIB40 = 102334155;
/** What the article's Node programs print with two workers (Go's differ only in the dispatch line). */
const articleRun = (results: Array<number | string> = [FIB40, FIB40]) =>
  [`🚀 主进程上线 #ID 123`, ...results.map(() => '👷 分发计算任务'), ...results.map((r) => `📦 收到结果 ${r}`), '🎉 都搞定了,用时:1100', ''].join('\n');
/** Our report line (packages/workloads/HOSTS.md) for fib(40): fib takes no seed. */
const report = (results = [FIB40, FIB40]) => `${JSON.stringify({ variant: 'fake', workload: 'fib', size: 40, seed: null, workers: 2, results, phasesMs: { computeMs: 1 } })}\n`;
const ours: Program = { name: 'fake', command: 'fake', check: { kind: 'report', expected: { variant: 'fake', workload: 'fib', size: 40, seed: null, workers: 2, answer: FIB40 } } };
const article: Program = { name: 'article fake', command: 'article', check: { kind: 'article', n: 40 } };

test("an article program's run passes only with every worker's answer equal to fibonacci(n)", () => {
  assert.equal(checkArticleRun(articleRun(), 40), null);
  assert.match(checkArticleRun(articleRun([FIB40, FIB40 + 1]), 40) ?? '', /^wrong answer: expected fibonacci\(40\) = 102334155, got 102334156$/);
  assert.match(checkArticleRun(articleRun([FIB40, 'undefined']), 40) ?? '', /wrong answer: .* got undefined/);
  assert.match(checkArticleRun('🚀 主进程上线 #ID 1\n', 40) ?? '', /printed no result line/);
  assert.match(checkArticleRun(articleRun([FIB40, FIB40]).replace(`📦 收到结果 ${FIB40}\n`, ''), 40) ?? '', /1 results for 2 dispatched workers/);
  assert.match(checkArticleRun(articleRun().replace(/🎉.*\n/, ''), 40) ?? '', /no final "都搞定了" line/);
});

test("hyperfine's passed-through output is checked run by run, for ours and the article's", () => {
  const good = report() + report() + articleRun() + articleRun();
  assert.equal(checkTimedOutput(good, [ours, article], 2, '/'), null);
  assert.match(
    checkTimedOutput(report() + report([FIB40, 1]) + articleRun() + articleRun(), [ours, article], 2, '/') ?? '',
    /^fake, run 2 of 2 \(warmup included\): wrong answer: expected fib\(40\) = 102334155, got 1 from worker 1$/,
  );
  assert.match(checkTimedOutput(report() + report() + articleRun() + articleRun([7, FIB40]), [ours, article], 2, '/') ?? '', /^article fake, run 2 of 2 .*: wrong answer/);
  assert.match(checkTimedOutput(report() + report() + articleRun(), [ours, article], 2, '/') ?? '', /^article fake, run 2 of 2 .*: printed no final "都搞定了" line/);
  assert.match(checkTimedOutput(report() + articleRun() + articleRun(), [ours, article], 2, '/') ?? '', /^fake, run 2 of 2 \(warmup included\): printed no report line$/);
  assert.match(checkTimedOutput(`${good}extra\n`, [ours, article], 2, '/') ?? '', /output after the last run: extra/);
});

/** Stand-ins: `article.mjs <right|wrong|flaky> <marker>` prints like the article; `ours.mjs` prints a report. */
function standIns() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-compare-'));
  writeFileSync(
    path.join(dir, 'article.mjs'),
    `
import { existsSync, writeFileSync } from 'node:fs';
const [mode, marker] = process.argv.slice(2);
const wrong = mode === 'wrong' || (mode === 'flaky' && existsSync(marker));
if (marker) writeFileSync(marker, 'x');
process.stdout.write(${JSON.stringify(articleRun())}.replace('📦 收到结果 ${FIB40}\\n', wrong ? '📦 收到结果 ${FIB40 - 1}\\n' : '📦 收到结果 ${FIB40}\\n'));
`,
  );
  writeFileSync(path.join(dir, 'ours.mjs'), `process.stdout.write(${JSON.stringify(report())});\n`);
  const program = (p: Program, script: string, ...args: string[]): Program => ({ ...p, command: [process.execPath, path.join(dir, script), ...args].join(' ') });
  return { dir, program };
}

test('a program with a wrong answer is refused before any timing', async () => {
  const { dir, program } = standIns();
  const problems = await verifyPrograms([program(ours, 'ours.mjs'), program(article, 'article.mjs', 'right'), program(article, 'article.mjs', 'wrong')], { cwd: dir, timeoutMs: 10_000 });
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /^article fake \(.*article\.mjs wrong\): wrong answer: expected fibonacci\(40\) = 102334155, got 102334154$/);
});

test('a wrong answer during timing is an error, never a table', async () => {
  const { dir, program } = standIns();
  const pair = (mode: string) => ({ title: 'stand-ins', programs: [program(ours, 'ours.mjs'), program(article, 'article.mjs', mode, path.join(dir, `marker-${mode}`))] });
  const table = await timePair(pair('right'), { cwd: dir, warmup: 0, runs: 2, timeoutMs: 30_000 });
  assert.match(table, /^\| Command \|/);
  assert.match(table, /`article fake`/);
  await assert.rejects(timePair(pair('flaky'), { cwd: dir, warmup: 0, runs: 2, timeoutMs: 30_000 }), /^Error: stand-ins: during timing: article fake, run 2 of 2 \(warmup included\): wrong answer/);
});
