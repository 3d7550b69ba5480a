import {dirname, relative} from 'node:path';
import {severityLabel, statusLabel} from '../core/describe-event.js';
import {buildEvent} from '../core/build-event.js';
import {isIncidentId} from '../core/incident-id.js';
import type {EventPayload} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import {reduceIncident} from '../core/reducer.js';
import {computeMetrics, formatDuration} from '../core/metrics.js';
import {checkRepository, commitPaths, stagePaths} from '../git/commit-paths.js';
import {GitCommandError, gitRunner, type GitRunnerOptions} from '../git/run-git.js';
import {evidenceFilesIn} from '../journal/evidence-files.js';
import {eventsDirOf, incidentsDirOf, journalPathOf} from '../journal/journal-paths.js';
import {journalFilesIn} from '../journal/read-journal.js';
import type {Workspace} from '../config/workspace.js';
import {incidentLogPathOf, readIncidentLog, updateIncidentLog} from '../report/incident-log.js';
import type {Runbook} from '../runbook/runbook.js';
import type {CommandContext} from './command-context.js';
import {describeTrailerMark, recordTrailers} from './follow-ups.js';
import {refreshStatsDocument} from './incident-stats.js';
import {recordEvent} from './record-event.js';
import {loadIncident, loadIncidentState} from './load-incident.js';
import {loadReportSubject, renderSubject, reportPathOf, writeDocument} from './write-report.js';

export interface PublishResult {
	incidentId: string;
	reportPath: string;
	status: 'committed' | 'unchanged';
	commit?: string;
	detached: boolean;
	warnings: string[];
	/** Actions the commits' `Incident-Action:` trailers marked done on the way, one line each. */
	trailerMarks: string[];
}

/**
 * Renders the report, updates INCIDENT_LOG.md and commits the incident's own
 * files. The report shows the incident as it is once published: the events
 * publishing records (`report.published`, and the tick of the runbook's
 * "Publish the report" item) are folded in before rendering, and recorded only
 * when something is committed. The files are written before git runs, so a
 * git fault leaves them on disk for a retry. Nothing changed since the last
 * publish: no commit, no event. `git` bounds every git call in time
 * (settings) and lets the screen stop it.
 */
export async function publishIncident(
	context: CommandContext,
	workspace: Workspace,
	incidentId: string | undefined,
	templateName: string,
	git: Pick<GitRunnerOptions, 'timeouts' | 'signal'> = {},
	{readTrailers = true} = {},
): Promise<PublishResult> {
	const now = context.now();
	// Before the report is rendered, so an action a commit closed shows as done in it. Once is enough for a
	// publish and the follow-up reports after it: the trailers are then marked in every incident.
	const trailers = readTrailers ? await recordTrailers(context, workspace, git) : {marked: [], problems: []};
	// Its events are read below: the state of the subject is needed only for its ID, title and checklist.
	const subject = loadReportSubject(context.docsDir, incidentId, {summary: true});
	const {state} = subject.loaded;
	// The report must read exactly as the journal will once publishing is recorded: fold those events in too.
	const {events} = loadIncident(context.docsDir, state.id);
	const publishing = publishingEvents(state, subject.runbook, {
		path: relative(workspace.root, reportPathOf(context.docsDir, state)),
		template: templateName,
	});
	const built = publishing.map(payload => buildEvent(payload, {id: context.newEventId(now), at: now, author: context.handle}));
	const published = reduceIncident(state.id, [...events, ...built]);
	const report = renderSubject(context.docsDir, {...subject, loaded: {...subject.loaded, state: published}}, templateName, now);
	writeDocument(report.path, report.markdown);
	const logPath = incidentLogPathOf(context.docsDir);
	writeDocument(logPath, updateIncidentLog(readIncidentLog(logPath), logRowOf(report.state, relative(dirname(logPath), report.path))));

	const {git: run, detached} = await checkRepository(workspace.root, workspace.inGitRepository, git);
	const ownJournal = journalPathOf(context.docsDir, report.incidentId, context.writer);
	const paths = () =>
		// Evidence files go with the report that links them; sync carries journals only.
		[report.path, logPath, ...journalFilesIn(eventsDirOf(context.docsDir, report.incidentId)), ...evidenceFilesIn(context.docsDir, report.incidentId)].map(path =>
			relative(workspace.root, path),
		);
	const base = {
		incidentId: report.incidentId,
		reportPath: report.path,
		detached,
		warnings: [...report.warnings, ...trailers.problems],
		trailerMarks: trailers.marked.map(describeTrailerMark),
	};
	if (!(await stagePaths(run, paths()))) return {...base, status: 'unchanged'};

	for (const payload of publishing) recordEvent(context, report.incidentId, payload, {at: now, loggedAt: now});
	// Written only with a commit to make: its ages would otherwise make every publish commit.
	const statsPath = refreshStatsDocument(context.docsDir, now);
	const stats = statsPath ? [relative(workspace.root, statsPath)] : [];
	await stagePaths(run, [relative(workspace.root, ownJournal), ...stats]);
	const commit = await commitPaths(workspace.root, run, [...paths(), ...stats], commitMessage(report.state));
	return {...base, status: 'committed', commit};
}

/**
 * What publishing records: the publication, and a tick of the runbook's item
 * that starts with "Publish" (the built-in "Publish the report and update the
 * incident log") unless it is ticked already.
 */
function publishingEvents(state: IncidentState, runbook: Runbook, report: {path: string; template: string}): EventPayload[] {
	const item = runbook.phases.flatMap(phase => phase.items).find(candidate => /^publish\b/i.test(candidate.label));
	const tick: EventPayload[] = item && !state.checklist[item.key] ? [{type: 'checklist.ticked', item: item.key, label: item.label}] : [];
	return [...tick, {type: 'report.published', path: report.path, template: report.template}];
}

/** One line for the screen and the CLI. */
export function describePublishResult(result: PublishResult): string {
	if (result.status === 'unchanged') return `Nothing changed since ${result.incidentId} was last published; no commit made.`;
	const detached = result.detached ? `; HEAD is detached, keep it with: git switch -c incident/${result.incidentId}` : '';
	const marks = result.trailerMarks.length;
	const marked = marks > 0 ? `; ${marks} action${marks === 1 ? '' : 's'} marked done by commit trailers` : '';
	return `Published ${result.incidentId}: commit ${result.commit?.slice(0, 7)}${detached}${marked}`;
}

export function commitMessage(state: IncidentState): string {
	const title = state.title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
	const short = Array.from(title).length > 72 ? `${Array.from(title).slice(0, 71).join('')}…` : title;
	return `incident(${state.id}): ${short} [${severityLabel(state.severity)}, ${state.status}]`;
}

function logRowOf(state: IncidentState, link: string) {
	const metrics = computeMetrics(state, new Date(0));
	return {
		id: state.id,
		date: state.openedAt?.slice(0, 10) ?? '',
		severity: severityLabel(state.severity),
		title: state.title,
		status: statusLabel(state.status),
		duration: state.milestones.resolved && metrics.durationMs !== undefined ? formatDuration(metrics.durationMs) : 'ongoing',
		link,
	};
}

/**
 * Closed and published incidents whose journals differ from what is
 * committed: an action marked done or changed after the close (by hand or by
 * a commit trailer). `publish` publishes them again, so their reports follow.
 * One `git status`.
 */
export async function changedClosedIncidents(context: CommandContext, workspace: Workspace, git: Pick<GitRunnerOptions, 'timeouts' | 'signal'> = {}): Promise<string[]> {
	if (!workspace.inGitRepository) return [];
	const incidents = relative(workspace.root, incidentsDirOf(context.docsDir));
	let output: string;
	try {
		output = await gitRunner(workspace.root, {...git, retry: 'publish again'})(['status', '--porcelain', '-z', '--untracked-files=all', '--', incidents]);
	} catch (error) {
		if (error instanceof GitCommandError) return [];
		throw error;
	}
	const ids = new Set<string>();
	for (const entry of output.split('\0')) {
		const path = entry.slice(3);
		const rest = path.startsWith(`${incidents}/`) ? path.slice(incidents.length + 1).split('/') : [];
		if (rest.length === 3 && rest[1] === 'events' && isIncidentId(rest[0]!)) ids.add(rest[0]!);
	}
	return [...ids].sort().filter(id => {
		const {state} = loadIncidentState(context.docsDir, id, {summary: true});
		return state.closed !== undefined && state.publications.length > 0;
	});
}
