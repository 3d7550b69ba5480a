import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli, runCliPiped, runCliWithClosedStdout, type CliRun} from '../helpers/run-cli.js';
import {journalLines} from '../helpers/journal-lines.js';

// Standard input and output as pipes really behave: slow producers, readers
// that go away. The delays below are the producer's slowness under test, not
// waits for the CLI.

let repo: string;
let configDir: string;
let incidentId: string;
const cli = (...args: string[]): CliRun => runCli(args, {cwd: repo, configDir});
const piped = (producer: string, ...args: string[]): CliRun => runCliPiped(producer, args, {cwd: repo, configDir});

function journal(): Record<string, unknown>[] {
	return journalLines(repo, incidentId);
}

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	cli('config', 'set', 'handle', 'alice');
	incidentId = /Opened (\S+)/.exec(cli('new', 'Pipes', '--sev', '2').stdout)![1]!;
});

describe('standard input', () => {
	it('imports from a producer that is slow to start and writes in two bursts', () => {
		const timeline = join(repo, 'timeline.txt');
		writeFileSync(timeline, '14:51 Pager fired for checkout\n14:53 acked by alice\n14:58 rolled back to v142\n15:04 error rate normal\n');
		const run = piped(`sleep 1; head -2 '${timeline}'; sleep 1; tail -n 2 '${timeline}'`, 'import', '-', '--yes');
		expect(run).toMatchObject({code: 0, stderr: ''});
		expect(run.stdout).toContain('Imported 4 events into');
		expect(journal().map(event => event['text'])).toEqual([undefined, 'Pager fired for checkout', 'acked by alice', 'rolled back to v142', 'error rate normal']);
	});

	it('logs the text piped into `log`, also from a slow producer, without the final newline', () => {
		expect(piped('echo "rolled back to v142"', 'log', '--kind', 'mitigation')).toMatchObject({code: 0, stderr: ''});
		expect(piped('sleep 1; printf "db team paged\\n"', 'log', '-')).toMatchObject({code: 0, stderr: ''});
		expect(journal().slice(1)).toMatchObject([
			{kind: 'mitigation', text: 'rolled back to v142'},
			{kind: 'note', text: 'db team paged'},
		]);
	});

	it('logs text that starts with a dash, after -- or through a pipe', () => {
		expect(cli('log', '--', '-5 pods after the scale-down')).toMatchObject({code: 0, stderr: ''});
		expect(piped('echo "--force was needed"', 'log')).toMatchObject({code: 0, stderr: ''});
		expect(journal().slice(1).map(event => event['text'])).toEqual(['-5 pods after the scale-down', '--force was needed']);

		const refused = cli('log', '-5 pods');
		expect(refused.code).toBe(1);
		expect(refused.stderr).toBe('incident-tui: unknown option -5 pods (see incident-tui log --help; text starting with - goes after --: incident-tui log -- "-5 pods")\n');
	});

	it('says there is nothing to log when the pipe is empty, and logs nothing', () => {
		const run = piped('true', 'log');
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^incident-tui: nothing to log/);
		expect(journal()).toHaveLength(1);
	});
});

describe('a reader that goes away', () => {
	it.each([
		['list', []],
		['list --json', ['--json']],
	])('`%s | head -0` ends quietly with exit 0', async (_name, flags) => {
		const run = await runCliWithClosedStdout(['list', ...flags], {cwd: repo, configDir});
		expect(run).toEqual({code: 0, stdout: '', stderr: ''});
	});

	it('a closed stdout does not stop the work: the event is logged', async () => {
		const run = await runCliWithClosedStdout(['log', 'logged anyway', '--kind', 'action'], {cwd: repo, configDir});
		expect(run).toEqual({code: 0, stdout: '', stderr: ''});
		expect(journal().at(-1)).toMatchObject({kind: 'action', text: 'logged anyway'});
	});
});
