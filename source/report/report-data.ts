import {hypothesisResultLabel, severityLabel, statusLabel} from '../core/describe-event.js';
import type {ActionKind, ActionStatus, ClosureField} from '../core/events.js';
import {rootCauseOf, WHY_QUESTIONS, whyField} from '../core/five-whys.js';
import {isOpenIncident, type IncidentState, type TimelineKind} from '../core/incident-state.js';
import {computeMetrics, formatDuration} from '../core/metrics.js';
import {formatUtcDate, formatUtcDateTime} from '../core/time-format.js';
import type {ChecklistItem} from '../core/checklist.js';
import type {Runbook} from '../runbook/runbook.js';
import {allTimelineEvents, checklistProgress, commandsRun, communications, longNotes, recentChanges, reportTimeline} from './report-timeline.js';
import {timelineDiagram} from './timeline-diagram.js';

// The one data shape every report template receives. Values are plain user
// text (templates escape them for where they land) or undefined when nothing
// was recorded, so a template can say so instead of leaving a placeholder.

const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {open: 'open', 'in-progress': 'in progress', done: 'done', 'wont-do': "won't do"};
const ACTION_KIND_LABELS: Record<ActionKind, string> = {prevent: 'prevent', mitigate: 'mitigate', detect: 'detect', process: 'process'};

export function buildReportData(state: IncidentState, runbook: Runbook, now: Date) {
	const metrics = computeMetrics(state, now);
	const timeline = reportTimeline(state);
	const closure = (field: ClosureField) => nonEmpty(state.closure[field]);
	const duration = (ms: number | undefined) => (ms === undefined ? undefined : formatDuration(ms));
	const checklist = runbook.phases.flatMap(phase =>
		phase.items.map((item, index) => {
			// A step whose sub-steps were done is done ("Contain" by the rollback), when and by whom that was.
			const tick = state.checklist[item.key] ?? subStepsOf(phase.items, index).map(sub => state.checklist[sub.key]).find(found => found !== undefined);
			return {
				phase: phase.name,
				label: item.label,
				subStep: item.depth > 0,
				done: tick !== undefined,
				tickedAt: tick ? formatUtcDateTime(tick.at) : undefined,
				by: tick?.by,
			};
		}),
	);
	const invariants = state.invariants.map(invariant => ({
		kind: invariant.kind === 'test' ? 'Test' : 'Monitor',
		reference: invariant.reference,
		description: nonEmpty(invariant.description),
		by: invariant.by,
	}));
	const notesOf = (...kinds: TimelineKind[]) => state.timeline.filter(entry => kinds.includes(entry.kind)).map(entry => entry.text);
	const resolvedAt = state.milestones.resolved;
	const rootCause = rootCauseOf(state.closure);
	const answeredWhys = WHY_QUESTIONS.flatMap((question, index) => {
		const answer = closure(whyField(index));
		return answer ? [{number: index + 1, question, answer}] : [];
	});
	const actions = state.actions.map((action, index) => ({
		number: index + 1,
		description: action.description,
		owner: nonEmpty(action.owner),
		priority: action.priority,
		urgent: action.priority === 'P0' || action.priority === 'P1',
		due: action.due,
		status: ACTION_STATUS_LABELS[action.status],
		done: action.status === 'done',
		type: action.kind ? ACTION_KIND_LABELS[action.kind] : undefined,
		bug: nonEmpty(action.bug),
		/** The commit or PR that did it (`actions done --ref`, or a commit's trailer). */
		ref: action.ref,
	}));
	const dateTime = (at: string | undefined) => (at === undefined ? undefined : formatUtcDateTime(at));
	// An open incident's report must not change by itself, or every publish would commit.
	const lasting = resolvedAt
		? duration(metrics.durationMs)
		: metrics.startedAt && isOpenIncident(state)
			? `ongoing since ${formatUtcDateTime(metrics.startedAt)} UTC`
			: undefined;
	return {
		incident: {
			id: state.id,
			title: state.title,
			severity: severityLabel(state.severity),
			severityName: runbook.severities.find(s => s.severity === state.severity)?.name,
			status: statusLabel(state.status),
			resolved: state.status === 'resolved',
			environment: state.environment,
			commander: state.roles.commander,
			scribe: state.roles.scribe,
			comms: state.roles.comms,
			/** Everyone who wrote an event, and everyone named as the doer of one once the incident began. */
			responders: respondersOf(state, metrics.startedAt),
			date: state.openedAt ? formatUtcDate(state.openedAt) : undefined,
			/** The UTC days from the start to the resolution: `2026-11-23`, or `2026-11-23 to 2026-11-24`. */
			days: daysOf(metrics.startedAt ?? state.openedAt, resolvedAt),
			/** Where the duration starts: the impact, else the detection. */
			startedAt: dateTime(metrics.startedAt),
			/** The declaration: the opening event's time. */
			openedAt: state.openedAt ? formatUtcDateTime(state.openedAt) : undefined,
			impactAt: dateTime(state.milestones.impact),
			detectedAt: dateTime(metrics.detectedAt),
			acknowledgedAt: dateTime(state.milestones.acknowledged),
			mitigatedAt: dateTime(state.milestones.mitigated),
			resolvedAt: dateTime(resolvedAt),
		},
		metrics: {
			timeToDetect: duration(metrics.timeToDetectMs),
			timeToAcknowledge: duration(metrics.timeToAcknowledgeMs),
			timeToMitigate: duration(metrics.timeToMitigateMs),
			/** Detection to the first confirmed hypothesis. */
			timeToDiagnose: duration(diagnosisMs(state, metrics.detectedAt)),
			timeToResolve: duration(metrics.timeToResolveMs),
			duration: lasting,
			ongoing: resolvedAt === undefined,
		},
		/** The events that shaped the response; checklist ticks are in `checklistProgress`. */
		timeline: timeline.rows,
		/** Footnotes for the rows written down more than 10 minutes after they happened. */
		timelineFootnotes: timeline.footnotes,
		/**
		 * Every event in force, checklist ticks and unticks included. Built when
		 * a template asks: no built-in report does, and at 100,000 events it is
		 * a second timeline to build for nothing.
		 */
		get allEvents() {
			return allTimelineEvents(state);
		},
		checklist,
		checklistProgress: checklistProgress(state, runbook),
		/** The first phase's checklist: the immediate actions. */
		immediateActions: checklist.filter(item => item.phase === runbook.phases[0]?.name),
		hypotheses: state.hypotheses.map((hypothesis, index) => ({
			letter: String.fromCharCode(65 + (index % 26)),
			statement: hypothesis.statement,
			test: nonEmpty(hypothesis.test),
			result: hypothesis.result ? hypothesisResultLabel(hypothesis.result.outcome) : 'not tested yet',
			confirmed: hypothesis.result?.outcome === 'confirmed',
			evidence: nonEmpty(hypothesis.result?.evidence),
			by: hypothesis.by,
		})),
		// The closure answers: each has one home in every built-in template (templates/README.md).
		summary: {
			whatHappened: closure('whatHappened'),
			whoImpacted: closure('whoImpacted'),
		},
		impact: {
			users: closure('impactUsers'),
			/** As answered; templates without a duration of their own fall back to `metrics.duration`. */
			duration: closure('impactDuration'),
			scope: closure('impactScope'),
			data: closure('impactData'),
			revenue: closure('impactRevenue'),
		},
		/** How it was detected: as answered, else the first detection note. */
		detection: closure('detectionMethod') ?? notesOf('detection')[0],
		alertQuality: closure('alertQuality'),
		detectionGap: closure('detectionGap'),
		/** The whys answered that lead to the root cause; the why that is the root cause is not among them. */
		whys: answeredWhys.filter(why => why.answer.trim() !== rootCause),
		/** The one root cause: as answered, else the deepest why. */
		rootCause,
		/** The why (number and question) whose answer is the root cause, when one is. */
		rootCauseWhy: answeredWhys.find(why => why.answer.trim() === rootCause),
		trigger: closure('trigger'),
		contributingFactors: closure('contributingFactors'),
		immediateFix: closure('immediateFix'),
		permanentFix: closure('permanentFix'),
		permanentFixLink: closure('permanentFixLink'),
		response: {
			wentWell: closure('wentWell'),
			wentWrong: closure('wentWrong'),
			slowed: closure('slowedResponse'),
			lucky: closure('gotLucky'),
		},
		lessons: {keep: closure('lessonsKeep'), stop: closure('lessonsStop'), start: closure('lessonsStart')},
		mitigations: notesOf('mitigation'),
		/** Each stakeholder update in full; the timeline shows its first line. */
		communications: communications(state),
		/** Every other note of several lines (a pasted log) in full; the timeline shows its first line. */
		longNotes: longNotes(state),
		/** Commands run through `incident-tui run`, each with its masked output's tail (`evidencePath`, relative to the report). */
		commandsRun: commandsRun(state),
		/** Commits, merges and tags picked with `incident-tui changes`, newest first; `citedBy` names the hypotheses that mention one. */
		recentChanges: recentChanges(state),
		actions,
		/** P0 and P1 action items, and the rest: for templates that list the urgent ones apart. */
		urgentActions: actions.filter(action => action.urgent),
		otherActions: actions.filter(action => !action.urgent),
		/** The action items with a ticket or PR link. */
		tickets: actions.filter(action => action.bug !== undefined),
		actionFollowUp: followUpOf(actions),
		invariants,
		/** Tests prevent a recurrence and monitors detect it faster: templates that ask those apart list them apart. */
		invariantTests: invariants.filter(i => i.kind === 'Test'),
		invariantMonitors: invariants.filter(i => i.kind === 'Monitor'),
		detectActions: actions.filter(action => action.type === 'detect'),
		invariantTest: invariants.find(i => i.kind === 'Test'),
		invariantMonitor: invariants.find(i => i.kind === 'Monitor'),
		closed: state.closed
			? {at: formatUtcDateTime(state.closed.at), signedOn: formatUtcDate(closedLoggedAt(state) ?? state.closed.at), by: state.closed.by, overrideReason: state.closed.overrideReason}
			: undefined,
		published: state.publications.length > 0,
		generatedAt: formatUtcDateTime(now),
		diagram: timelineDiagram(state),
	};
}

export type ReportData = ReturnType<typeof buildReportData>;

function diagnosisMs(state: IncidentState, detectedAt: string | undefined): number | undefined {
	const confirmed = state.hypotheses.flatMap(hypothesis => (hypothesis.result?.outcome === 'confirmed' ? [hypothesis.result.at] : [])).sort()[0];
	return confirmed === undefined || detectedAt === undefined ? undefined : Math.max(0, Date.parse(confirmed) - Date.parse(detectedAt));
}

/** The review's follow-up: how many P0 items are done and P1 items have a due date. */
function followUpOf(actions: readonly {priority: string; done: boolean; due?: string}[]) {
	const p0 = actions.filter(action => action.priority === 'P0');
	const p1 = actions.filter(action => action.priority === 'P1');
	return {
		p0: {total: p0.length, done: p0.filter(action => action.done).length, all: p0.every(action => action.done)},
		p1: {total: p1.length, scheduled: p1.filter(action => action.done || action.due).length, all: p1.every(action => action.done || action.due)},
	};
}

/** The items nested under the item at `index`, up to the next item at its depth. */
function subStepsOf(items: readonly ChecklistItem[], index: number): ChecklistItem[] {
	const depth = items[index]!.depth;
	const end = items.findIndex((item, at) => at > index && item.depth <= depth);
	return items.slice(index + 1, end === -1 ? undefined : end);
}

function respondersOf(state: IncidentState, startedAt: string | undefined): string[] {
	const doers = state.timeline.filter(entry => entry.by !== undefined && (startedAt === undefined || entry.at >= startedAt)).map(entry => entry.by!);
	return [...new Set([...state.authors, ...doers])];
}

function daysOf(from: string | undefined, to: string | undefined): string | undefined {
	if (from === undefined) return undefined;
	const [first, last] = [formatUtcDate(from), to === undefined ? undefined : formatUtcDate(to)];
	return last === undefined || last === first ? first : `${first} to ${last}`;
}

/** When the close was written down: the wizard stamps it at the resolution, often hours earlier. */
function closedLoggedAt(state: IncidentState): string | undefined {
	const entry = state.timeline.findLast(candidate => candidate.kind === 'closed');
	return entry?.loggedAt;
}

function nonEmpty(value: string | undefined): string | undefined {
	return value !== undefined && value.trim() !== '' ? value : undefined;
}
