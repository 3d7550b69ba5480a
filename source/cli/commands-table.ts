import {ACTION_KINDS, ACTION_STATUSES, NOTE_KINDS, PRIORITIES, ROLES} from '../core/events.js';
import {SETTING_KEYS} from '../config/settings.js';

// The one description of the command line. The parser's known flags, the
// top-level and per-command help, the unknown-command message and the shell
// completion scripts are all made from this table, so they cannot disagree.

/**
 * What a value can be, for completion: fixed words, the commands, paths, or a
 * list the shell asks `incident-tui completion ids|templates` for at the
 * moment TAB is pressed (incidents come and go; templates live in the repository).
 */
export type ValueSource = readonly string[] | 'commands' | 'incidents' | 'templates' | 'files' | 'directories';

export interface FlagSpec {
	type: 'string' | 'boolean';
	/** The placeholder in help (`--sev N`); string flags only. */
	placeholder?: string;
	short?: string;
	description: string;
	values?: ValueSource;
	/** Given more than once, every value is kept (`--repo a --repo b`). */
	multiple?: boolean;
}

const FLAG_SPECS = {
	sev: {type: 'string', placeholder: 'N', description: 'severity 1, 2 or 3', values: ['1', '2', '3']},
	commander: {type: 'string', placeholder: 'HANDLE', description: 'commander handle (default: your handle)'},
	env: {type: 'string', placeholder: 'NAME', description: 'environment, such as production'},
	kind: {type: 'string', placeholder: 'KIND', description: `${NOTE_KINDS.join(', ')} (default: note for log, guessed for import)`, values: NOTE_KINDS},
	id: {type: 'string', placeholder: 'ID', description: 'incident ID YYYY-MM-DD-NN (default: the newest open one)', values: 'incidents'},
	json: {type: 'boolean', description: 'machine-readable output'},
	template: {type: 'string', placeholder: 'NAME', description: 'report template: a built-in one or docs/templates/NAME.md', values: 'templates'},
	stdout: {type: 'boolean', description: 'print the report instead of writing it'},
	at: {type: 'string', placeholder: 'WHEN', description: 'when it happened, in UTC: HH:MM, HH:MM:SS, "YYYY-MM-DD HH:MM", -5m, -1h30m (default: now)'},
	by: {type: 'string', placeholder: 'HANDLE', description: 'who did it, when not you (the doer; you stay the one who logged it); for stats: severity or month'},
	summary: {type: 'string', placeholder: 'TEXT', description: 'where things stand, for the next commander'},
	yes: {type: 'boolean', description: 'go ahead without asking (for scripts)'},
	port: {type: 'string', placeholder: 'PORT', description: 'port to listen on (default 9095; 0 picks a free one)'},
	bind: {type: 'string', placeholder: 'ADDRESS', description: 'address to listen on (default 127.0.0.1); beyond loopback a token is required'},
	token: {type: 'string', placeholder: 'TOKEN', description: 'senders must send Authorization: Bearer TOKEN (default: $INCIDENT_TUI_LISTEN_TOKEN)'},
	dir: {type: 'string', placeholder: 'PATH', description: 'docs root inside the repository (default: the incidentsDir setting, docs)', values: 'directories'},
	owner: {type: 'string', placeholder: 'NAME', description: 'who owns the action'},
	priority: {type: 'string', placeholder: 'P0-P3', description: 'the action\'s priority (default P2)', values: PRIORITIES},
	due: {type: 'string', placeholder: 'YYYY-MM-DD', description: 'the action\'s due date'},
	type: {type: 'string', placeholder: 'TYPE', description: `the action's type: ${ACTION_KINDS.join(', ')}`, values: ACTION_KINDS},
	status: {type: 'string', placeholder: 'STATUS', description: `the action's status: ${ACTION_STATUSES.join(', ')}`, values: ACTION_STATUSES},
	ref: {type: 'string', placeholder: 'REF', description: 'the commit or PR URL that did it'},
	open: {type: 'boolean', description: 'only actions still open or in progress'},
	overdue: {type: 'boolean', description: 'only actions past their due date; exit 1 when a P0 or P1 is among them'},
	since: {
		type: 'string',
		placeholder: 'SPAN',
		description: 'stats: only incidents declared since then (90d, 12w or YYYY-MM-DD); changes: how far back before detection, or now (2h, 90m, 1h30m; default 2h)',
	},
	markdown: {type: 'boolean', description: 'write docs/INCIDENT_STATS.md (with a Mermaid chart); publish keeps it up to date'},
	repo: {type: 'string', placeholder: 'PATH', description: 'a repository to read, again for more (default: the changeRepos setting, else this one)', values: 'directories', multiple: true},
	pick: {type: 'boolean', description: 'add changes to the timeline: the hashes given, or choose from a numbered list'},
	help: {type: 'boolean', short: 'h', description: 'this help, or a command\'s own with incident-tui COMMAND --help'},
	version: {type: 'boolean', short: 'v', description: 'the version of incident-tui'},
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAG_SPECS;
export const FLAGS: Readonly<Record<FlagName, FlagSpec>> = FLAG_SPECS;

/** The flags as parsed: booleans for switches, strings for the rest; `open` is both (a switch of `actions`, `listen --open SEV`). */
export type Flags = {
	[K in Exclude<FlagName, 'open'>]?: (typeof FLAG_SPECS)[K] extends {multiple: true} ? string[] : (typeof FLAG_SPECS)[K]['type'] extends 'boolean' ? boolean : string;
} & {open?: boolean | string};

/** Every command takes these. */
export const GLOBAL_FLAGS: readonly FlagName[] = ['dir', 'help', 'version'];

export interface CommandSpec {
	name: string;
	/** After `incident-tui `: arguments and the flags that matter. */
	usage: string;
	summary: string;
	flags: readonly FlagName[];
	/** Completion of the positional arguments, by position. */
	args?: readonly ValueSource[];
	examples: readonly string[];
	/** Lines under the summary in the command's own help. */
	details?: readonly string[];
	/** Runs the live screen, which needs a terminal. */
	screen?: boolean;
	/** Flags that mean something else for this command than in FLAGS (`listen --open SEV`, `actions --open`). */
	ownFlags?: Partial<Record<FlagName, FlagSpec>>;
}

export const COMMANDS: readonly CommandSpec[] = [
	{
		name: 'new',
		usage: 'new TITLE --sev N [--at WHEN] [--commander HANDLE] [--env NAME]',
		summary: 'open an incident without the screen (prints its ID)',
		flags: ['sev', 'at', 'commander', 'env'],
		details: ['--at is when it was declared; the ID takes that UTC date (declared 23:50, typed after midnight: yesterday\'s ID).'],
		examples: [
			'incident-tui new "Checkout 5xx" --sev 1',
			'incident-tui new "Checkout 5xx" --sev 1 --at 15:01',
			'incident-tui new "Queue stuck" --sev 2 --commander alice --env production',
		],
	},
	{
		name: 'log',
		usage: 'log TEXT|- [--kind KIND] [--at WHEN] [--by HANDLE] [--id ID]',
		summary: 'log an event from another terminal or a script',
		flags: ['kind', 'at', 'by', 'id'],
		details: [
			'Without TEXT, or with -, the text is read from standard input.',
			'--at WHEN, or text starting with @WHEN, backdates it: "@14:55 pager fired" (UTC).',
			'--by HANDLE, or text starting with @HANDLE: (after any @WHEN), names who did it.',
			'Text starting with - goes after --: incident-tui log -- "-5 pods".',
		],
		examples: [
			'incident-tui log "rolled back to v142" --kind mitigation',
			'incident-tui log "pager fired" --kind detection --at 14:55',
			'incident-tui log "@14:55 pager fired" --kind detection',
			'incident-tui log "drained USA-2" --by docbrown --at -10m',
			'echo "db team paged" | incident-tui log --kind escalation',
			'incident-tui log -- "-5 pods after the scale-down"',
		],
	},
	{
		name: 'run',
		usage: 'run [--id ID] -- COMMAND [ARGS…]',
		summary: 'run a command as usual and log it: command line, times, exit code, the output\'s tail',
		flags: ['id'],
		details: [
			'The command keeps your terminal (colours, progress bars) and its exit code is incident-tui\'s.',
			'The last 64 KB of its output is kept in docs/incidents/ID/evidence/, secrets masked (setting secretPatterns).',
			'With no open incident the command still runs, and is not logged.',
		],
		examples: ['incident-tui run -- kubectl rollout undo deploy/web', 'incident-tui run --id 2026-11-23-01 -- ./scripts/failover.sh usa-2'],
	},
	{
		name: 'changes',
		usage: 'changes [--since DURATION] [--repo PATH]… [--pick [HASH…]] [--id ID]',
		summary: 'commits, merges and tags before detection, newest first; --pick adds some to the timeline',
		flags: ['since', 'repo', 'pick', 'id'],
		details: [
			'The window ends at the detection milestone (else now) and starts --since before it (default 2h).',
			'Repositories: --repo, else the changeRepos setting, else the current one.',
			'--pick with hashes adds those; without, it lists them numbered and asks which (a terminal is needed).',
		],
		examples: ['incident-tui changes', 'incident-tui changes --since 6h --repo ../api --repo ../web', 'incident-tui changes --pick a1b2c3d', 'incident-tui changes --pick'],
	},
	{
		name: 'list',
		usage: 'list [--json]',
		summary: 'incidents, newest first',
		flags: ['json'],
		examples: ['incident-tui list', 'incident-tui list --json'],
	},
	{
		name: 'report',
		usage: 'report [ID] [--template NAME] [--stdout]',
		summary: 'render the report to docs/incidents/ID_slug.md',
		flags: ['template', 'stdout'],
		args: ['incidents'],
		examples: ['incident-tui report', 'incident-tui report 2026-11-23-01 --template postmortem --stdout'],
	},
	{
		name: 'publish',
		usage: 'publish [ID] [--template NAME]',
		summary: 'report + docs/INCIDENT_LOG.md, committed to git',
		flags: ['template'],
		args: ['incidents'],
		examples: ['incident-tui publish', 'incident-tui publish 2026-11-23-01 --template sre'],
	},
	{
		name: 'actions',
		usage: 'actions [add ID TEXT|done ID#N|set ID#N] [--owner NAME] [--open] [--overdue] [--json]',
		summary: 'corrective actions across incidents: list, add, mark done, change',
		flags: ['owner', 'open', 'overdue', 'json', 'priority', 'due', 'type', 'status', 'ref'],
		args: [['add', 'done', 'set'], 'incidents'],
		details: [
			'ID#N is the N-th action of incident ID, in the order they were added (the wizard\'s too).',
			'A commit with the trailer "Incident-Action: ID#N" marks that action done, once, when actions or publish next runs.',
			'--overdue exits 1 when a P0 or P1 action is past its due date (for CI).',
		],
		examples: [
			'incident-tui actions --open',
			'incident-tui actions --overdue --owner alice',
			'incident-tui actions add 2026-11-23-01 "Alert on checkout 5xx rate" --owner alice --priority P1 --due 2026-12-07 --type detect',
			'incident-tui actions done 2026-11-23-01#2 --ref https://github.com/acme/shop/pull/812',
			'incident-tui actions set 2026-11-23-01#2 --status in-progress --owner bob --due 2026-12-14',
		],
	},
	{
		name: 'stats',
		usage: 'stats [--since 90d] [--by severity|month] [--json|--markdown]',
		summary: 'counts, times to detect, acknowledge, mitigate and resolve, open actions, the golden rule',
		flags: ['since', 'by', 'json', 'markdown'],
		details: ['Medians and p90s count the incidents that have both milestones of a figure (n says how many).'],
		examples: ['incident-tui stats', 'incident-tui stats --since 90d --by month', 'incident-tui stats --json', 'incident-tui stats --markdown'],
	},
	{
		name: 'sync',
		usage: 'sync',
		summary: 'exchange events with the other responders through the git remote',
		flags: [],
		examples: ['incident-tui sync'],
	},
	{
		name: 'join',
		usage: 'join ID',
		summary: 'sync, then work on an incident opened elsewhere (live screen)',
		flags: [],
		args: ['incidents'],
		screen: true,
		examples: ['incident-tui join 2026-11-23-01'],
	},
	{
		name: 'assign',
		usage: 'assign ROLE HANDLE [--at WHEN] [--id ID] [--summary TEXT]',
		summary: `give a role: ${ROLES.join(', ')} (commander hands over command)`,
		flags: ['at', 'id', 'summary'],
		args: [ROLES],
		examples: ['incident-tui assign scribe bob', 'incident-tui assign commander carol --summary "failover done"', 'incident-tui assign comms dana --at 15:10'],
	},
	{
		name: 'handover',
		usage: 'handover @HANDLE [--summary TEXT] [--at WHEN] [--id ID]',
		summary: 'hand over command, with a note for the next commander',
		flags: ['summary', 'at', 'id'],
		examples: ["incident-tui handover @carol --summary 'failover done; watch replication lag'", 'incident-tui handover @carol --at 16:30'],
	},
	{
		name: 'update',
		usage: 'update [--at WHEN] [--id ID] [--yes]',
		summary: 'draft a stakeholder update, edit it ($VISUAL/$EDITOR), copy it (OSC 52), log it',
		flags: ['at', 'id', 'yes'],
		details: ['--at is when the update went out, if it was sent some other way earlier.'],
		examples: ['incident-tui update', 'incident-tui update --yes', 'incident-tui update --yes --at 15:30'],
	},
	{
		name: 'import',
		usage: 'import FILE|- [--id ID] [--kind KIND] [--yes]',
		summary: 'backfill a timeline ("14:51 Pager fired", one per line): preview, then import',
		flags: ['id', 'kind', 'yes'],
		args: ['files'],
		examples: ['incident-tui import timeline.txt', 'slack-export | incident-tui import - --yes'],
	},
	{
		name: 'listen',
		usage: 'listen [--port 9095] [--bind 127.0.0.1] [--token TOKEN] [--open SEV] [--id ID]',
		summary: 'receive Alertmanager and Grafana alert webhooks into the timeline',
		flags: ['port', 'bind', 'token', 'open', 'id'],
		ownFlags: {open: {type: 'string', placeholder: 'SEV', description: 'with no open incident, the first firing alert opens one at this severity (1, 2 or 3)', values: ['1', '2', '3']}},
		details: [
			'A firing alert becomes a detection at its start, a resolved one a note at its end, done by the sender.',
			'A notification delivered again is logged once. Ctrl-C or SIGTERM stops it.',
			'--open SEV: with no open incident, the first firing alert opens one at that severity (without it: 409).',
			'Beyond loopback it needs a token: --token, or better INCIDENT_TUI_LISTEN_TOKEN (a flag shows in ps).',
		],
		examples: [
			'incident-tui listen',
			'incident-tui listen --open 2',
			'INCIDENT_TUI_LISTEN_TOKEN=s3cret incident-tui listen --bind 0.0.0.0 --port 9095',
		],
	},
	{
		name: 'config',
		usage: 'config [get|set KEY [VALUE]]',
		summary: 'show settings and the file they live in, or get or set one',
		flags: [],
		args: [['get', 'set'], SETTING_KEYS],
		details: [`Settings: ${SETTING_KEYS.join(', ')}.`],
		examples: ['incident-tui config', 'incident-tui config set handle alice', 'incident-tui config get incidentsDir'],
	},
	{
		name: 'completion',
		usage: 'completion bash|zsh|fish',
		summary: 'print a shell completion script (commands, flags, incident IDs, templates)',
		flags: [],
		args: [['bash', 'zsh', 'fish']],
		examples: [
			'source <(incident-tui completion bash)       # in ~/.bashrc',
			'source <(incident-tui completion zsh)        # in ~/.zshrc, after compinit',
			'incident-tui completion fish > ~/.config/fish/completions/incident-tui.fish',
		],
	},
	{
		name: 'help',
		usage: 'help [COMMAND]',
		summary: 'this help, or a command\'s own usage and examples',
		flags: [],
		args: ['commands'],
		examples: ['incident-tui help log'],
	},
];

export function findCommand(name: string): CommandSpec | undefined {
	return COMMANDS.find(command => command.name === name);
}

export function commandNames(): string[] {
	return COMMANDS.map(command => command.name);
}

/** The commands that work without a terminal, for the live screen's refusal. */
export function scriptableCommandNames(): string[] {
	return COMMANDS.filter(command => !command.screen && command.name !== 'help' && command.name !== 'completion').map(command => command.name);
}

/** The flags a command accepts, its own first. */
/** What `--name` is for this command: its own meaning, else the shared one. */
export function flagSpecOf(command: CommandSpec | undefined, name: FlagName): FlagSpec {
	return command?.ownFlags?.[name] ?? FLAGS[name];
}

export function flagsOf(command: CommandSpec | undefined): FlagName[] {
	return [...(command?.flags ?? []), ...GLOBAL_FLAGS];
}
