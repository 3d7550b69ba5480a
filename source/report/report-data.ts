import {hypothesisResultLabel, severityLabel, statusLabel} from '../core/describe-event.js';
import type {ClosureField} from '../core/events.js';
import {WHY_QUESTIONS, whyField} from '../core/five-whys.js';
import {isOpenIncident, type IncidentState, type TimelineKind} from '../core/incident-state.js';
import {computeMetrics, formatDuration} from '../core/metrics.js';
import {formatUtcDate, formatUtcDateTime} from '../core/time-format.js';
import type {Runbook} from '../runbook/runbook.js';
import {allTimelineEvents, checklistProgress, communications, reportTimeline} from './report-timeline.js';
import {timelineDiagram} from './timeline-diagram.js';

// The one data shape every report template receives. Values are plain user
// text (templates escape them for where they land) or undefined when nothing
// was recorded, so a template can say so instead of leaving a placeholder.

export function buildReportData(state: IncidentState, runbook: Runbook, now: Date) {
	const metrics = computeMetrics(state, now);
	const timeline = reportTimeline(state);
	const closure = (field: ClosureField) => nonEmpty(state.closure[field]);
	const duration = (ms: number | undefined) => (ms === undefined ? undefined : formatDuration(ms));
	const ticks = state.checklist;
	const checklist = runbook.phases.flatMap(phase =>
		phase.items.map(item => ({
			phase: phase.name,
			label: item.label,
			subStep: item.depth > 0,
			done: ticks[item.key] !== undefined,
			tickedAt: ticks[item.key] ? formatUtcDateTime(ticks[item.key]!.at) : undefined,
			by: ticks[item.key]?.by,
		})),
	);
	const invariants = state.invariants.map(invariant => ({
		kind: invariant.kind === 'test' ? 'Test' : 'Monitor',
		reference: invariant.reference,
		description: nonEmpty(invariant.description),
		by: invariant.by,
	}));
	const notesOf = (...kinds: TimelineKind[]) => state.timeline.filter(entry => kinds.includes(entry.kind)).map(entry => entry.text);
	const resolvedAt = state.milestones.resolved;
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
			responders: state.authors,
			date: state.openedAt ? formatUtcDate(state.openedAt) : undefined,
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
			timeToResolve: duration(metrics.timeToResolveMs),
			duration: lasting,
			ongoing: resolvedAt === undefined,
		},
		/** The events that shaped the response; checklist ticks are in `checklistProgress`. */
		timeline: timeline.rows,
		/** Footnotes for the rows written down more than 10 minutes after they happened. */
		timelineFootnotes: timeline.footnotes,
		/** Every event in force, checklist ticks and unticks included. */
		allEvents: allTimelineEvents(state),
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
		summary: {
			whatHappened: closure('whatHappened'),
			whoImpacted: closure('whoImpacted'),
		},
		impact: {
			users: closure('impactUsers'),
			duration: closure('impactDuration') ?? lasting,
			scope: closure('impactScope'),
			data: closure('impactData'),
		},
		whys: WHY_QUESTIONS.map((question, index) => ({
			number: index + 1,
			question,
			answer: closure(whyField(index)),
			last: index === WHY_QUESTIONS.length - 1,
		})),
		rootCause: closure('rootCause'),
		trigger: closure('trigger'),
		contributingFactors: closure('contributingFactors'),
		immediateFix: closure('immediateFix'),
		permanentFix: closure('permanentFix'),
		permanentFixLink: closure('permanentFixLink'),
		lessons: {keep: closure('lessonsKeep'), stop: closure('lessonsStop'), start: closure('lessonsStart')},
		detection: notesOf('detection')[0],
		mitigations: notesOf('mitigation'),
		/** Each stakeholder update in full; the timeline shows its first line. */
		communications: communications(state),
		actions: state.actions.map((action, index) => ({
			number: index + 1,
			description: action.description,
			owner: nonEmpty(action.owner),
			priority: action.priority,
			due: action.due,
			status: action.status,
			type: action.kind,
			bug: nonEmpty(action.bug),
		})),
		invariants,
		invariantTest: invariants.find(i => i.kind === 'Test'),
		invariantMonitor: invariants.find(i => i.kind === 'Monitor'),
		closed: state.closed
			? {at: formatUtcDateTime(state.closed.at), by: state.closed.by, overrideReason: state.closed.overrideReason}
			: undefined,
		generatedAt: formatUtcDateTime(now),
		diagram: timelineDiagram(state),
	};
}

export type ReportData = ReturnType<typeof buildReportData>;

function nonEmpty(value: string | undefined): string | undefined {
	return value !== undefined && value.trim() !== '' ? value : undefined;
}
