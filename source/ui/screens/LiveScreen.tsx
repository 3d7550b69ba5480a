import {Box} from 'ink';
import {useMemo, useState} from 'react';
import type {CommandContext} from '../../commands/command-context.js';
import {describeDamage} from '../../commands/load-incident.js';
import {severityLabel, statusLabel} from '../../core/describe-event.js';
import type {IncidentState, TimelineEntry} from '../../core/incident-state.js';
import {startedAtOf} from '../../core/metrics.js';
import {findUndoTarget} from '../../core/undo.js';
import type {LoadedRunbook} from '../../runbook/load-runbook.js';
import {responseTargetWarning} from '../../runbook/response-target.js';
import {handoverSuggestion, nextUpdateDue} from '../../runbook/update-cadence.js';
import {ChecklistPane} from '../components/ChecklistPane.js';
import {Header} from '../components/Header.js';
import {HelpOverlay} from '../components/HelpOverlay.js';
import {HypothesesPane} from '../components/HypothesesPane.js';
import {KeyFooter} from '../components/KeyFooter.js';
import {PromptLine} from '../components/PromptLine.js';
import {TimelinePane} from '../components/TimelinePane.js';
import {WizardPanel} from '../components/WizardPanel.js';
import {ComposePanel} from '../components/ComposePanel.js';
import {DetailPanel} from '../components/DetailPanel.js';
import {useIncident} from '../hooks/useIncident.js';
import {useLiveController} from '../hooks/useLiveController.js';
import {useNow} from '../hooks/useNow.js';
import {useSync} from '../hooks/useSync.js';
import type {ScreenServices} from '../screen-services.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {computeLayout, MIN_COLUMNS, MIN_ROWS} from '../layout.js';
import {INITIAL_LIVE_UI, selectedTimelineIndex, type LiveUi, type LiveView} from '../live-state.js';
import {timelineFormatOf} from '../timeline-layout.js';
import {startWizardStep} from '../modes/wizard.js';
import {firstMissingStep} from '../wizard-steps.js';
import {Text} from '../components/Text.js';

interface LiveScreenProps {
	context: CommandContext;
	incidentId: string;
	runbook: LoadedRunbook;
	services: ScreenServices;
	/** Seconds between background syncs; 0 syncs only on `g`. */
	autoSync: number;
	/** Hours in command before the header suggests a hand-over. */
	handoverHours: number;
}

export function LiveScreen({context, incidentId, runbook, services, autoSync, handoverHours}: LiveScreenProps) {
	const {state, damaged, restored, refresh} = useIncident(services.store, incidentId);
	const now = useNow(context.now);
	const size = useTerminalSize();
	const phases = runbook.runbook.phases;
	const longestChecklist = Math.max(...phases.map(phase => phase.items.length));
	const layout = computeLayout(size, {checklist: longestChecklist, hypotheses: state.hypotheses.length});

	const timelineWidth = layout.kind === 'wide' ? size.columns - layout.leftColumns - 1 : size.columns;

	// The controller builds the view of a state it has just written, and this render builds it again for the same
	// state: one result per state, so the whole-timeline work is done once per event.
	const viewOf = useMemo(() => {
		const buildView = (state: IncidentState): LiveView => {
			const undo = findUndoTarget(state, context.handle);
			return {
				phases: phases.map(phase => phase.items),
				ticked: new Set(Object.keys(state.checklist)),
				hypotheses: state.hypotheses.map(h => ({id: h.id, statement: h.statement, resolved: h.result !== undefined, result: h.result?.outcome})),
				undoTarget: undo ? {eventId: undo.eventId, summary: `${undo.kind}: ${undo.text}`} : undefined,
				timeline: state.timeline,
				timelineRows: layout.timelineRows,
				timelineFormat: timelineFormatOf(state.timeline, {width: timelineWidth, startedAt: startedAtOf(state), owners: ownersOf(state)}),
				screen: {columns: size.columns, bodyRows: layout.bodyRows},
				wizard: {closure: state.closure, hasInvariant: state.invariants.length > 0, closed: state.closed !== undefined, resolvedAt: state.milestones.resolved},
				firstMissingStep: firstMissingStep(state),
			};
		};
		const built = new WeakMap<IncidentState, LiveView>();
		return (state: IncidentState): LiveView => {
			let view = built.get(state);
			if (!view) {
				view = buildView(state);
				built.set(state, view);
			}
			return view;
		};
	}, [context.handle, phases, layout.timelineRows, layout.bodyRows, timelineWidth, size.columns]);
	const view = viewOf(state);
	const {startedAt} = view.timelineFormat;
	// An incident left in Monitoring is waiting for its postmortem: resume in the wizard.
	const [initialUi] = useState<LiveUi>(() => {
		const handover = state.lastHandover;
		// The new commander sees the hand-over note first thing.
		const message =
			handover?.to === context.handle && handover.summary
				? {text: `Hand-over from ${handover.from}: ${handover.summary}`, tone: 'info' as const}
				: undefined;
		const mode = state.status === 'monitoring' ? startWizardStep(view.firstMissingStep, view.wizard) : INITIAL_LIVE_UI.mode;
		return {...INITIAL_LIVE_UI, mode, message};
	});
	const syncer = useSync(services.sync, autoSync, context.now);
	const ui = useLiveController({context, incidentId, view, viewOf, refresh, services: {...services, sync: syncer.run}, initialUi});
	const phase = phases[ui.phaseIndex] ?? phases[0]!;

	const responseWarning = responseTargetWarning(runbook.runbook, state, now);
	const handover = handoverSuggestion(state, now, handoverHours);
	const warnings = [
		...(responseWarning ? [responseWarning] : []),
		...(handover ? [handover] : []),
		...restored,
		...(runbook.problem ? [runbook.problem] : []),
		...describeDamage(damaged),
		...state.warnings,
	];
	const prompt = <PromptLine mode={ui.mode} message={ui.message} columns={size.columns} pendingAt={ui.pendingAt} />;

	if (layout.kind === 'compact') {
		return (
			<Box flexDirection="column">
				<Text wrap="truncate">{`${severityLabel(state.severity)} ${state.id} ${statusLabel(state.status)}`}</Text>
				<Text wrap="truncate">{`Terminal too small (${size.columns}x${size.rows}); need ${MIN_COLUMNS}x${MIN_ROWS}. Keys still work.`}</Text>
				{prompt}
			</Box>
		);
	}

	const listWidth = layout.kind === 'wide' ? layout.leftColumns : size.columns;
	const checklistPane = (
		<ChecklistPane
			title={`${phases.indexOf(phase) + 1}/${phases.length} ${phase.name}`}
			items={phase.items}
			ticks={state.checklist}
			selected={ui.checklistIndex}
			focused={ui.focus === 'checklist'}
			rows={layout.checklistRows}
			width={listWidth}
		/>
	);
	const hypothesesPane = (
		<HypothesesPane
			hypotheses={state.hypotheses}
			selected={ui.hypothesisIndex}
			focused={ui.focus === 'hypotheses'}
			rows={layout.hypothesisRows}
			width={listWidth}
		/>
	);
	const selectedIndex = selectedTimelineIndex(ui, view);
	const timelinePane = (
		<TimelinePane
			entries={state.timeline}
			format={view.timelineFormat}
			scroll={ui.timelineScroll}
			selectedId={view.timeline[selectedIndex]?.eventId}
			selectedIndex={selectedIndex}
			focused={ui.focus === 'timeline'}
			rows={layout.timelineRows}
		/>
	);

	return (
		<Box flexDirection="column" width={size.columns}>
			<Header state={state} now={now} warnings={warnings} sync={syncer.status} update={nextUpdateDue(runbook.runbook, state, now)} columns={size.columns} />
			{ui.mode.name === 'help' ? (
				<HelpOverlay rows={layout.bodyRows} columns={size.columns} scroll={ui.mode.scroll ?? 0} />
			) : ui.mode.name === 'detail' ? (
				<DetailPanel entry={findEntry(state.timeline, ui.mode.eventId)} startedAt={startedAt} rows={layout.bodyRows} columns={size.columns} scroll={ui.mode.scroll} />
			) : ui.mode.name === 'compose' ? (
				<ComposePanel text={ui.mode.value} rows={layout.bodyRows} />
			) : ui.mode.name === 'browse' && ui.sentUpdate !== undefined ? (
				<ComposePanel text={ui.sentUpdate} rows={layout.bodyRows} sent />
			) : ui.mode.name === 'wizard' ? (
				<WizardPanel state={state} mode={ui.mode} rows={layout.bodyRows} columns={size.columns} />
			) : layout.kind === 'wide' ? (
				<Box height={layout.bodyRows}>
					<Box flexDirection="column" width={layout.leftColumns} marginRight={1}>
						{checklistPane}
						{hypothesesPane}
					</Box>
					{timelinePane}
				</Box>
			) : (
				<Box flexDirection="column" height={layout.bodyRows}>
					{checklistPane}
					{hypothesesPane}
					{timelinePane}
				</Box>
			)}
			{prompt}
			<KeyFooter mode={ui.mode.name} />
		</Box>
	);
}

/** The newest entry of that event: amendments keep the id. */
function findEntry(timeline: readonly TimelineEntry[], eventId: string): TimelineEntry | undefined {
	return timeline.findLast(entry => entry.eventId === eventId);
}

/** The owner column appears once someone else writes or is named as the doer. */
function ownersOf(state: IncidentState): string[] | undefined {
	const doers = new Set(state.timeline.flatMap(entry => entry.by ?? []));
	return state.authors.length > 1 || doers.size > 0 ? [...new Set([...state.authors, ...doers])] : undefined;
}
