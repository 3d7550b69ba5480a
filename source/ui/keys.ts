import type {KeyPress} from './key-press.js';
import type {ModeName} from './live-state.js';

// The one table of the live screen's keys, modelled on gemini-cli's key
// bindings (config/keyBindings.ts, matched in ui/keyMatchers.ts): each row
// names a command of one mode and the keys that run it. Dispatch (live-input),
// the footer, the help overlay and the README's table (npm run docs:keys) all
// come from here; test/ui/key-table.test.ts checks every command has a handler.

type NamedKey = 'return' | 'lineFeed' | 'escape' | 'tab' | 'erase' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown';

export interface KeyBinding {
	/** A character as typed (case matters); never matches pasted text. */
	input?: string;
	key?: NamedKey;
	ctrl?: boolean;
	shift?: boolean;
	/** Every key press, pasted text included. */
	any?: boolean;
	/** Handed to the command: the note kind, the direction. */
	arg?: string;
}

export interface KeyEntry {
	/** `global` keys work in every mode. */
	mode: ModeName | 'global';
	command: string;
	keys: readonly KeyBinding[];
	/** The keys as shown to the responder. */
	shown: string;
	/** A word or two for the footer. */
	label: string;
	/** The help overlay's line (browse keys, which the overlay lists one per row). */
	help?: string;
	/** The README's line, when it says more than the overlay has room for. */
	readme?: string;
}

const char = (input: string, arg?: string): KeyBinding => ({input, arg});
const named = (key: NamedKey, arg?: string, shift = false): KeyBinding => ({key, arg, shift});
const ctrl = (input: string): KeyBinding => ({input, ctrl: true});

/** Line editing, the same in every prompt that takes text. */
function editingKeys(mode: ModeName, eraseLabel = 'deletes'): KeyEntry[] {
	return [
		{mode, command: 'erase', keys: [named('erase')], shown: 'Backspace', label: eraseLabel},
		{mode, command: 'clear', keys: [ctrl('u')], shown: 'Ctrl-U', label: 'clears'},
		{mode, command: 'delete-word', keys: [ctrl('w')], shown: 'Ctrl-W', label: 'deletes a word'},
	];
}

export const KEY_TABLE: readonly KeyEntry[] = [
	{mode: 'global', command: 'quit', keys: [ctrl('c')], shown: 'Ctrl-C', label: 'quit'},

	{mode: 'browse', command: 'help', keys: [char('?')], shown: '?', label: 'help', help: 'this help', readme: 'help overlay with every key'},
	{
		mode: 'browse',
		command: 'quit',
		keys: [char('q')],
		shown: 'q',
		label: 'quit',
		help: 'quit (everything is already on disk); Ctrl-C too',
		readme: 'quit (everything is already on disk); Ctrl-C and SIGTERM too',
	},
	{
		mode: 'browse',
		command: 'log',
		keys: [char('n', 'note'), char('d', 'detection'), char('a', 'action'), char('m', 'mitigation'), char('c', 'communication'), char('e', 'escalation')],
		shown: 'n d a m c e',
		label: 'log',
		help: 'log a note / detection / action / mitigation / communication / escalation, timed at the key press',
		readme: 'log a note / detection / action / mitigation / communication / escalation, then type one line (Enter saves, empty is fine; Esc cancels)',
	},
	{
		mode: 'browse',
		command: 'milestone',
		keys: [char('i', 'impact'), char('k', 'acknowledged'), char('R', 'resolution')],
		shown: 'i k R',
		label: 'milestone',
		help: 'log a milestone: impact started / acknowledged / resolved (d detected, m mitigated); @WHEN backdates',
		readme:
			'log a milestone: impact started / acknowledged / resolved (`d` and `m` log detected and mitigated), then one line like a note; start it with `@WHEN` when it happened earlier (see "Milestones and metrics")',
	},
	{mode: 'browse', command: 'hypothesis', keys: [char('h')], shown: 'h', label: 'hypothesis', help: 'new hypothesis: the statement, then how it will be tested'},
	{
		mode: 'browse',
		command: 'result',
		keys: [char('r')],
		shown: 'r',
		label: 'result',
		help: 'record the result of the selected hypothesis, with evidence',
		readme: 'result of the selected (or newest open) hypothesis: confirmed / ruled out / inconclusive, then the evidence',
	},
	{mode: 'browse', command: 'tick', keys: [char(' ')], shown: 'space', label: 'tick', help: 'tick or untick the selected checklist item'},
	{
		mode: 'browse',
		command: 'phase',
		keys: [named('leftArrow', 'previous'), named('rightArrow', 'next')],
		shown: '← →',
		label: 'phase',
		help: "previous / next phase of the runbook's checklist",
	},
	{
		mode: 'browse',
		command: 'move',
		keys: [named('upArrow', 'up'), named('downArrow', 'down'), named('pageUp', 'page-up'), named('pageDown', 'page-down')],
		shown: '↑ ↓',
		label: 'move',
		help: 'move the selection; in the timeline, scroll (PgUp/PgDn by a page)',
	},
	{
		mode: 'browse',
		command: 'pane',
		keys: [named('tab', 'next'), named('tab', 'previous', true)],
		shown: 'tab',
		label: 'pane',
		help: 'move between checklist, timeline and hypotheses',
	},
	{mode: 'browse', command: 'status', keys: [char('s')], shown: 's', label: 'status', help: 'set status', readme: 'set status (Investigating, Identified, Monitoring, Resolved)'},
	{mode: 'browse', command: 'severity', keys: [char('v')], shown: 'v', label: 'severity', help: 'set severity'},
	{
		mode: 'browse',
		command: 'time',
		keys: [char('@', 'set'), named('escape', 'clear')],
		shown: '@ Esc',
		label: 'time',
		help: 'when the next status, severity, tick or close happened (a WHEN); Esc forgets it',
		readme:
			'give the next status, severity, checklist tick or close the time it really happened (a WHEN, see "Backdating"); shown on the bottom line until used, Esc forgets it',
	},
	{
		mode: 'browse',
		command: 'amend',
		keys: [char('E', 'event'), char('K', 'kind')],
		shown: 'E K',
		label: 'amend',
		help: 'amend the selected timeline event (E: time, doer, text; K: a note\'s kind)',
		readme:
			'in the timeline: amend the selected event, shown as `@2026-11-25 15:01 @docbrown: drained USA-2` (change the time, the doer or the text), or `K` the kind of a note (see "Correcting")',
	},
	{
		mode: 'browse',
		command: 'undo',
		keys: [char('u')],
		shown: 'u',
		label: 'undo',
		help: 'undo your last event; in the timeline, retract the selected one (anyone\'s); after y/n',
		readme:
			'undo your last event; with the timeline focused, retract the selected event, whoever wrote it: after y/n, a retraction is written (nothing is deleted)',
	},
	{
		mode: 'browse',
		command: 'wizard',
		keys: [char('w')],
		shown: 'w',
		label: 'wizard',
		help: 'closure wizard: summary, impact, detection, 5 whys, fixes, lessons, actions, invariant, close, publish',
		readme: 'closure wizard: summary, impact, detection, 5 whys, root cause, trigger, fixes, the response and its lessons, action items, the invariant (a test or monitor), close, publish',
	},
	{
		mode: 'browse',
		command: 'publish',
		keys: [char('p')],
		shown: 'p',
		label: 'publish',
		help: 'render the report, update INCIDENT_LOG.md and commit them',
		readme: 'publish: render the report, update `docs/INCIDENT_LOG.md`, commit them to git',
	},
	{
		mode: 'browse',
		command: 'update',
		keys: [char('U')],
		shown: 'U',
		label: 'update',
		help: 'stakeholder update: a draft from the incident, edit, Enter copies it (OSC 52) and logs it',
		readme:
			'stakeholder update: a draft from the incident (severity, status, impact, what was done, next update time); add to it (Ctrl-J for a new line), Enter copies it to your clipboard through the terminal (OSC 52, works over SSH and in tmux) and logs it as a communication',
	},
	{
		mode: 'browse',
		command: 'run',
		keys: [char('!')],
		shown: '!',
		label: 'run',
		help: 'run a command line in the terminal, logged with its exit code and output like incident-tui run',
		readme:
			'run a command line (through `sh`) in the terminal: the screen steps aside, the command runs as under `incident-tui run` (its exit code, duration and masked output tail are logged), and Enter brings the screen back (see "`run`")',
	},
	{
		mode: 'browse',
		command: 'changes',
		keys: [char('C')],
		shown: 'C',
		label: 'changes',
		help: 'pick a recent commit, merge or tag into the timeline, at its commit time (* already there)',
		readme:
			'pick one of the recent changes (commits, merges, tags before detection, newest first; `*` already in the timeline) into the timeline as a change event at its commit time, like `incident-tui changes --pick` (see "What changed")',
	},
	{
		mode: 'browse',
		command: 'sync',
		keys: [char('g')],
		shown: 'g',
		label: 'sync',
		help: 'sync events with the other responders through the git remote',
		readme: 'sync events with the other responders through the git remote (see "Several responders")',
	},
	{
		mode: 'browse',
		command: 'role',
		keys: [char('o')],
		shown: 'o',
		label: 'role',
		help: 'assign a role: commander (hand over command), scribe or comms',
		readme: 'assign a role: commander (hand over command, with a note the next commander sees when they resume), scribe or comms',
	},

	{
		mode: 'browse',
		command: 'read',
		keys: [named('return')],
		shown: 'Enter',
		label: 'read',
		help: 'read the selected timeline event in full: text, kind, doer, typist, both times, amendments',
	},

	// The arrows scroll a help taller than the screen; they must be matched before "any key".
	{mode: 'help', command: 'scroll', keys: [named('upArrow', 'up'), named('downArrow', 'down'), named('pageUp', 'page-up'), named('pageDown', 'page-down')], shown: '↑ ↓', label: 'scroll'},
	{mode: 'help', command: 'close', keys: [{any: true}], shown: 'any key', label: 'closes'},

	{mode: 'detail', command: 'scroll', keys: [named('upArrow', 'up'), named('downArrow', 'down'), named('pageUp', 'page-up'), named('pageDown', 'page-down')], shown: '↑ ↓', label: 'scroll'},
	{mode: 'detail', command: 'close', keys: [named('escape'), named('return'), char('q')], shown: 'Esc/Enter/q', label: 'closes'},

	{mode: 'text', command: 'submit', keys: [named('return')], shown: 'Enter', label: 'saves (empty is fine)'},
	{mode: 'text', command: 'cancel', keys: [named('escape')], shown: 'Esc', label: 'cancels'},
	...editingKeys('text'),

	{mode: 'choose', command: 'move', keys: [named('upArrow', 'up'), named('downArrow', 'down')], shown: '↑ ↓', label: 'move'},
	{mode: 'choose', command: 'pick', keys: [named('return')], shown: 'Enter', label: 'picks'},
	{mode: 'choose', command: 'cancel', keys: [named('escape')], shown: 'Esc', label: 'cancels'},

	{mode: 'confirm', command: 'yes', keys: [char('y'), char('Y')], shown: 'y', label: 'undoes'},
	{mode: 'confirm', command: 'no', keys: [char('n'), char('N'), named('escape')], shown: 'n/Esc', label: 'keeps'},

	{mode: 'wizard', command: 'save', keys: [named('return')], shown: 'Enter', label: 'saves'},
	{mode: 'wizard', command: 'skip', keys: [named('tab')], shown: 'Tab', label: 'skips'},
	{mode: 'wizard', command: 'back', keys: [named('tab', undefined, true)], shown: 'Shift-Tab', label: 'back'},
	{mode: 'wizard', command: 'leave', keys: [named('escape')], shown: 'Esc', label: 'leaves'},
	...editingKeys('wizard'),

	// Ctrl-J arrives as a return too: it must be matched before Enter.
	{mode: 'compose', command: 'new-line', keys: [named('lineFeed')], shown: 'Ctrl-J', label: 'new line'},
	{mode: 'compose', command: 'send', keys: [named('return')], shown: 'Enter', label: 'copies it (OSC 52) and logs it'},
	{mode: 'compose', command: 'cancel', keys: [named('escape')], shown: 'Esc', label: 'cancels'},
	...editingKeys('compose', 'trims'),
];

/** What a mode takes besides its keys, said after them in the footer. */
const MODE_NOTES: Readonly<Partial<Record<ModeName, string>>> = {
	text: 'Start with @HH:MM (UTC) or @-5m to backdate',
	choose: 'or a number, or the first letter',
	wizard: 'y/n, t/m, a letter or 0-3 where a step asks',
	compose: 'type to add',
};

export function keysOf(mode: ModeName | 'global'): readonly KeyEntry[] {
	return KEY_TABLE.filter(entry => entry.mode === mode);
}

function matches(binding: KeyBinding, press: KeyPress): boolean {
	if (binding.any) return true;
	if (press.meta || (press.shift ?? false) !== (binding.shift ?? false) || (press.ctrl ?? false) !== (binding.ctrl ?? false)) return false;
	if (binding.key) return press[binding.key] === true;
	return !press.paste && press.input === binding.input;
}

export interface MatchedCommand {
	command: string;
	arg?: string;
	/** A key of every mode (Ctrl-C). */
	global?: boolean;
}

/** The command a key press runs in a mode (global keys first), if any. */
export function matchCommand(mode: ModeName, press: KeyPress): MatchedCommand | undefined {
	for (const entry of [...keysOf('global'), ...keysOf(mode)]) {
		const binding = entry.keys.find(candidate => matches(candidate, press));
		if (!binding) continue;
		return {command: entry.command, ...(binding.arg === undefined ? {} : {arg: binding.arg}), ...(entry.mode === 'global' ? {global: true} : {})};
	}
	return undefined;
}

const keyWords = (mode: ModeName): string[] => keysOf(mode).map(entry => `${entry.shown} ${entry.label}`);

/** The footer's line: the keys of the mode on screen, and only those. */
export function footerLine(mode: ModeName): string {
	const note = MODE_NOTES[mode];
	return [...keyWords(mode), ...(note ? [note] : [])].join(' · ');
}

/** The help overlay's line on text prompts (the other modes show their keys in the footer when open). */
export function textPromptHelp(): string {
	return `In a text prompt: ${keyWords('text').join(', ')}. ${MODE_NOTES.text}.`;
}

/** The README's table of the browse keys, as `npm run docs:keys` writes it. */
export function readmeKeyTable(): string {
	const rows = keysOf('browse').map(entry => `| \`${entry.shown}\` | ${entry.readme ?? entry.help ?? entry.label} |`);
	return ['| key | does |', '| --- | --- |', ...rows].join('\n');
}
