import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {monotonicFactory} from 'ulid';
import {createCommandContext} from '../source/commands/command-context.js';
import {openIncident} from '../source/commands/open-incident.js';
import {findWorkspace} from '../source/config/workspace.js';
import {buildEvent} from '../source/core/build-event.js';
import {writerName} from '../source/core/incident-id.js';
import {appendLines} from '../source/journal/append-event.js';
import {journalPathOf} from '../source/journal/journal-paths.js';
import {cliPath} from './processes.js';

// A repository with one open incident of a given length, written the way the
// test helpers write journals (valid events, appended directly), so 100,000
// events take seconds. Three responders wrote it; the newest event is
// NEWEST_TEXT, so a frame that shows it has loaded the whole incident.

export const NEWEST_TEXT = 'newest seeded event';
/** The footer's first words: drawn last, at the bottom of a full frame. */
export const FOOTER_TEXT = '? help · q quit';
export const FULL_FRAME = [FOOTER_TEXT, NEWEST_TEXT] as const;

export interface IncidentWorkspace {
	dir: string;
	env: NodeJS.ProcessEnv;
	incidentId: string;
}

const KINDS = ['note', 'action', 'communication', 'escalation'] as const;

export function makeIncidentWorkspace(dir: string, events: number): IncidentWorkspace {
	mkdirSync(dir, {recursive: true});
	execFileSync('git', ['init', '-q'], {cwd: dir});
	// Private settings and cache (checkpoints live in the cache): the bench never reads or fills the user's own.
	const env = {...process.env, CI: 'false', NO_COLOR: '1', INCIDENT_TUI_CONFIG_DIR: join(dir, '.config'), XDG_CACHE_HOME: join(dir, '.cache')};
	execFileSync(process.execPath, [cliPath, 'config', 'set', 'handle', 'bench'], {cwd: dir, env, stdio: 'ignore'});

	const {docsDir} = findWorkspace(dir, 'docs');
	const context = createCommandContext(docsDir, 'bench');
	const start = Date.now() - (events + 3600) * 1000;
	const {incidentId} = openIncident(context, {title: `Bench, ${events.toLocaleString('en')} events`, severity: 2, at: new Date(start)});
	const writers = [context.writer, writerName('bob', 'elsewhere'), writerName('carol', 'elsewhere')];
	const lines = new Map<string, string[]>(writers.map(writer => [writer, []]));
	const ulid = monotonicFactory();
	for (let index = 1; index < events; index++) {
		const writer = index === events - 1 ? context.writer : writers[index % writers.length]!;
		const at = new Date(start + index * 1000);
		const text = index === events - 1 ? NEWEST_TEXT : `event ${index}: checked the dashboards, p99 still high on checkout`;
		const event = buildEvent({type: 'note.logged', kind: KINDS[index % KINDS.length]!, text}, {id: ulid(at.getTime()), at, author: writer.split('@')[0]!});
		lines.get(writer)!.push(JSON.stringify(event));
	}
	for (const [writer, written] of lines) {
		const journal = journalPathOf(docsDir, incidentId, writer);
		mkdirSync(dirname(journal), {recursive: true});
		if (written.length > 0) appendLines(journal, written);
	}
	return {dir, env, incidentId};
}
