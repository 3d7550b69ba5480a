import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {makeTempDir} from '../helpers/temp-dir.js';
import {runCli, runCliInTerminal} from '../helpers/run-cli.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';

// `update` opens $VISUAL/$EDITOR only on a terminal, so these run the CLI in a
// pseudo-terminal. The fake editor refuses anything but exactly one existing
// file after its own arguments, as a real editor given a split path would open
// the wrong file.

let repo: string;
let configDir: string;
let editor: string;

function lastEvent(): Record<string, unknown> {
	return journalLines(repo, onlyIncidentId(repo)).at(-1)!;
}

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
	runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir});
	editor = join(makeTempDir('incident-tui editor dir-'), 'fake editor');
	writeFileSync(
		editor,
		'#!/bin/sh\n[ "$1" = --line ] || exit 3\nline=$2\nshift 2\n[ $# -eq 1 ] && [ -f "$1" ] || exit 4\nprintf "%s\\n" "$line" >> "$1"\n',
		{mode: 0o755},
	);
});

describe('update with $EDITOR', () => {
	it('edits the draft when TMPDIR and the editor path hold spaces, and the setting has arguments', () => {
		const run = runCliInTerminal(['update'], {
			cwd: repo,
			configDir,
			env: {TMPDIR: makeTempDir('incident-tui tmp with spaces-'), VISUAL: '', EDITOR: `'${editor}' --line 'added in the editor'`},
		});
		expect(run.stdout).toContain('Logged as a communication');
		expect(run.code).toBe(0);
		expect(lastEvent()).toMatchObject({type: 'note.logged', kind: 'communication'});
		expect(lastEvent()['text']).toMatch(/^\[SEV-1\] Checkout 5xx: Investigating\n[\s\S]*added in the editor$/);
	});

	it('says in one line when the editor cannot be started, and logs nothing', () => {
		const run = runCliInTerminal(['update'], {cwd: repo, configDir, env: {VISUAL: '', EDITOR: '/nonexistent/editor'}});
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('incident-tui: could not start the editor "/nonexistent/editor" ($VISUAL or $EDITOR) (fix that variable, or send the draft as it is with incident-tui update --yes; nothing was logged)');
		expect(lastEvent()).toMatchObject({type: 'incident.opened'});
	});
});
