import type {NoteKind} from '../core/events.js';

// The one table of the live screen's keys. The footer, the help overlay and
// the README's key table all come from (or are tested against) this list.

export interface KeyHelp {
	/** As shown to the responder. */
	keys: string;
	/** One or two words for the footer. */
	label: string;
	/** The help overlay's line. */
	description: string;
}

export const NOTE_KEYS: Readonly<Record<string, NoteKind>> = {
	n: 'note',
	d: 'detection',
	a: 'action',
	m: 'mitigation',
	c: 'communication',
	e: 'escalation',
};

export const LIVE_KEYS: readonly KeyHelp[] = [
	{keys: '?', label: 'help', description: 'this help'},
	{keys: 'q', label: 'quit', description: 'quit (everything is already on disk); Ctrl-C too'},
	{
		keys: 'n d a m c e',
		label: 'log',
		description: 'log a note / detection / action / mitigation / communication / escalation, timed at the key press',
	},
	{keys: 'h', label: 'hypothesis', description: 'new hypothesis: the statement, then how it will be tested'},
	{keys: 'r', label: 'result', description: 'record the result of the selected hypothesis, with evidence'},
	{keys: 'space', label: 'tick', description: 'tick or untick the selected checklist item'},
	{keys: '← →', label: 'phase', description: "previous / next phase of the runbook's checklist"},
	{keys: '↑ ↓', label: 'move', description: 'move the selection; in the timeline, scroll (PgUp/PgDn by a page)'},
	{keys: 'tab', label: 'pane', description: 'move between checklist, timeline and hypotheses'},
	{keys: 's', label: 'status', description: 'set status'},
	{keys: 'v', label: 'severity', description: 'set severity'},
	{keys: 'u', label: 'undo', description: 'undo your last event (writes a retraction, after y/n)'},
	{keys: 'w', label: 'wizard', description: 'closure wizard: summary, impact, 5 whys, actions, lessons, invariant, close, publish'},
	{keys: 'p', label: 'publish', description: 'render the report, update INCIDENT_LOG.md and commit them'},
	{keys: 'U', label: 'update', description: 'stakeholder update: a draft from the incident, edit, Enter copies it (OSC 52) and logs it'},
	{keys: 'g', label: 'sync', description: "sync events with the other responders through the git remote"},
	{keys: 'o', label: 'role', description: 'assign a role: commander (hand over command), scribe or comms'},
];

export const TEXT_INPUT_HELP =
	'In a text prompt: Enter saves (empty is fine), Esc cancels, Ctrl-U clears, Ctrl-W deletes a word. Start with @HH:MM (UTC) or @-5m to backdate.';
