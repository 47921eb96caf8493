import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/**
 * The command-line examples of the README and the command line's manual (docs/cli.md), run:
 * each `$ npx council-cookie-consent …` in a console block prints what the page shows (stdout,
 * then stderr) and exits with the code its `$ echo $?` shows. Audits need a served demo and a
 * browser; audit.test.ts covers them.
 */
const PAGES = ['README.md', 'docs/cli.md'];
interface Example {
  args: string[];
  output: string;
  code?: number;
}

function examples(): Example[] {
  const pages = PAGES.map((page) => readFileSync(`${ROOT}${page}`, 'utf8')).join('\n');
  const found: Example[] = [];
  for (const [, block] of pages.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = block.split('\n');
    lines.forEach((line, index) => {
      const command = /^\$ npx council-cookie-consent (.*)$/.exec(line)?.[1];
      if (!command || /[|>]/.test(command) || command.startsWith('audit ')) return;
      let end = index + 1;
      while (end < lines.length && !lines[end].startsWith('$ ')) end++;
      const code = lines[end] === '$ echo $?' ? Number(lines[end + 1]) : undefined;
      found.push({
        args: command.split(' '),
        output: lines
          .slice(index + 1, end)
          .join('\n')
          .trim(),
        code,
      });
    });
  }
  return found;
}

describe('command-line examples of the README and docs/cli.md', () => {
  const all = examples();

  test('there are examples of validate, tables and help to check', () => {
    expect(new Set(all.map((example) => example.args[0]))).toEqual(new Set(['help', 'validate', 'tables']));
  });

  test.each(all.map((example) => [example.args.join(' '), example] as const))('council-cookie-consent %s', async (_, example) => {
    const run = await runCli(example.args);
    expect(`${run.stdout}${run.stderr}`.trim()).toBe(example.output);
    if (example.code !== undefined) expect(run.code).toBe(example.code);
  });
});
