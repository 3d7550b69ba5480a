import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {hasTmux, TmuxSession, waitUntil} from '../helpers/tmux.js';
import {aliceRepo} from '../helpers/e2e-repo.js';

// The built CLI in a real terminal, sent one burst of keys across every kind
// of mode change without waiting for the screen: nothing may be lost.

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	({repo, configDir} = aliceRepo());
});
afterEach(() => session?.close());

/** Each character as its own key, as a fast typist sends them. */
const typed = (text: string) => Array.from(text);

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('keys typed faster than the screen (tmux)', () => {
	it('logs every event of one burst across prompts, a sent update, the help, a choice, undo, Esc and the wizard', async () => {
		runCli(['new', 'Checkout 5xx', '--sev', '1'], {cwd: repo, configDir});
		session = new TmuxSession({cwd: repo, configDir, columns: 100, rows: 30});
		await session.waitFor('Detection & Triage');
		await session.waitForRawMode();
		const incidentId = onlyIncidentId(repo);
		// One send-keys: tmux writes them all at once, and the app reads them in as few reads as the terminal gives it.
		await session.keys(
			'n', ...typed('first note'), 'Enter',
			'U', 'Enter',
			'm', ...typed('rolled back'), 'Enter',
			'h', ...typed('pool exhausted'), 'Enter', ...typed('pool metrics'), 'Enter',
			'r', 'c', ...typed('pool at 100%'), 'Enter',
			'?', 'x', 'd', ...typed('pager fired'), 'Enter',
			's', '2',
			'a', ...typed('drained USA-2'), 'Enter',
			'u', 'y',
			'e', ...typed('oops'), 'Escape', 'c', ...typed('told support'), 'Enter',
			'w', ...typed('The pool ran dry'), 'Enter', 'Escape',
			'n', ...typed('after the wizard'), 'Enter',
		);
		await session.waitFor('after the wizard');
		const events = () => journalLines(repo, incidentId);
		await waitUntil(() => events().length >= 13, 'thirteen events in the journal');
		const said = events().map(event => [event['type'], event['kind'] ?? event['status'] ?? event['result'] ?? event['field'], event['text'] ?? event['statement'] ?? event['evidence'] ?? event['value']].filter(Boolean).join(' | '));
		expect(said).toEqual([
			'incident.opened',
			'note.logged | note | first note',
			expect.stringMatching(/^note\.logged \| communication \| \[SEV-1\] Checkout 5xx: Investigating/),
			'note.logged | mitigation | rolled back',
			'hypothesis.added | pool exhausted',
			'hypothesis.resolved | confirmed | pool at 100%',
			'note.logged | detection | pager fired',
			'status.changed | identified',
			'note.logged | action | drained USA-2',
			'event.retracted',
			'note.logged | communication | told support',
			'closure.recorded | whatHappened | The pool ran dry',
			'note.logged | note | after the wizard',
		]);
		const all = events();
		expect(all[4]).toMatchObject({test: 'pool metrics'});
		expect(all[5]).toMatchObject({hypothesis: all[4]!['id']});
		expect(all[9]).toMatchObject({target: all[8]!['id']});
		// Every prompt was closed by its own Enter or Esc: the screen is back to browsing.
		expect(session.screen()).toMatch(/q quit/);
	});
});
