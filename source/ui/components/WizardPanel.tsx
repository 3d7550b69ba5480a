import {Box} from 'ink';
import type {IncidentState} from '../../core/incident-state.js';
import {formatUtcDateTime} from '../../core/time-format.js';
import {windowAround} from '../layout.js';
import {lineEnd} from './PromptLine.js';
import {theme} from '../theme.js';
import type {WizardDraft, WizardMode} from '../live-state.js';
import {isStepDone, WIZARD_STEPS, type WizardStep} from '../wizard-steps.js';
import {Text} from './Text.js';

interface WizardPanelProps {
	state: IncidentState;
	mode: WizardMode;
	rows: number;
	columns: number;
}

const STEP_LIST_WIDTH = 34;

const ACTION_TEXT_LABELS = {
	description: 'New action item (empty: go on)',
	owner: 'Owner',
	due: 'Due (YYYY-MM-DD, optional)',
	link: 'Ticket or PR link (optional)',
} as const;

function InputLine({label, value, columns}: {label: string; value: string; columns: number}) {
	const prefix = `${label} › `;
	return (
		<Text wrap="truncate">
			<Text color={theme.accent}>{prefix}</Text>
			{lineEnd(value, Math.max(1, columns - prefix.length - 1))}█
		</Text>
	);
}

function DraftInput({draft, state, columns}: {draft: WizardDraft; state: IncidentState; columns: number}) {
	switch (draft.kind) {
		case 'text':
			return <InputLine label="Answer" value={draft.value} columns={columns} />;
		case 'close':
			if (draft.phase === 'time') return <InputLine label="Resolved at (UTC: 14:55, -5m, 2026-11-25 15:01; empty = now)" value={draft.value} columns={columns} />;
			if (state.closed) return <Text color={theme.done}>Closed. Enter goes on.</Text>;
			if (state.invariants.length > 0) return <Text color={theme.accent}>{`y closes the incident as Resolved${resolvedAtNote(state)} · n or Enter goes on`}</Text>;
			return <InputLine label="Reason to close without one" value={draft.value} columns={columns} />;
		case 'action':
			switch (draft.phase) {
				case 'type':
					return <Text color={theme.accent} wrap="wrap">Type › p prevent · m mitigate · d detect · r process (Tab: none)</Text>;
				case 'priority':
					return <Text color={theme.accent} wrap="wrap">Priority › press 0, 1, 2 or 3 (P0 is most urgent; Tab: P2)</Text>;
				case 'status':
					return <Text color={theme.accent} wrap="wrap">Status › o open · i in progress · d done · w won't do (Tab: open)</Text>;
				default:
					return <InputLine label={ACTION_TEXT_LABELS[draft.phase]} value={draft.value} columns={columns} />;
			}
		case 'invariant':
			if (draft.phase === 'kind') return <Text color={theme.accent}>t a test that prevents a recurrence · m a monitor that detects it faster · Enter skips</Text>;
			return <InputLine label={draft.phase === 'reference' ? `${draft.invariantKind} (path, test id or alert)` : 'What it checks'} value={draft.value} columns={columns} />;
		case 'confirm':
			return <Text color={theme.accent}>y renders the report, updates INCIDENT_LOG.md and commits · n or Enter finishes</Text>;
	}
}

/** Closing is stamped at the resolution milestone when there is one; otherwise the next line asks. */
function resolvedAtNote(state: IncidentState): string {
	const resolved = state.milestones.resolved;
	return resolved ? ` at ${formatUtcDateTime(resolved)} UTC (the resolution milestone)` : '';
}

function StepDetails({step, state}: {step: WizardStep; state: IncidentState}) {
	if (step.kind === 'actions') {
		return (
			<Box flexDirection="column">
				{state.actions.map(action => (
					<Text key={action.id} wrap="truncate">{`· ${action.priority} ${action.description} (${[action.kind, action.owner || 'no owner', action.due && `due ${action.due}`, action.bug, action.status].filter(Boolean).join(', ')})`}</Text>
				))}
			</Box>
		);
	}
	if (step.kind === 'invariant') {
		return (
			<Box flexDirection="column">
				{state.invariants.map(invariant => (
					<Text key={invariant.eventId} wrap="truncate">{`· ${invariant.kind}: ${invariant.reference}`}</Text>
				))}
			</Box>
		);
	}
	if (step.kind === 'close' && state.invariants.length === 0 && !state.closed) {
		return (
			<Text wrap="wrap" color={theme.warning}>
				No test or monitor is recorded. An incident is not closed until one is: Shift-Tab back to add it, or type why you close anyway (the reason goes into the report).
			</Text>
		);
	}
	return null;
}

export function WizardPanel({state, mode, rows, columns}: WizardPanelProps) {
	const step = WIZARD_STEPS[mode.step]!;
	const missing = WIZARD_STEPS.filter(candidate => !isStepDone(candidate, state));
	const showList = columns >= 80;
	const {start, end} = windowAround(WIZARD_STEPS.length, rows - 1, mode.step);
	const prompt = step.kind === 'field' ? step.prompt : '';
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			<Text bold wrap="truncate">
				{`Closure wizard · step ${mode.step + 1}/${WIZARD_STEPS.length} · ${missing.length} missing`}
			</Text>
			<Box>
				{showList ? (
					<Box flexDirection="column" width={STEP_LIST_WIDTH} marginRight={1}>
						{WIZARD_STEPS.slice(start, end).map((candidate, offset) => (
							<Text key={candidate.title + String(start + offset)} wrap="truncate" inverse={start + offset === mode.step} color={isStepDone(candidate, state) ? theme.done : undefined}>
								{`${isStepDone(candidate, state) ? '✓' : '·'} ${candidate.title}`}
							</Text>
						))}
					</Box>
				) : null}
				<Box flexDirection="column" flexGrow={1}>
					<Text bold wrap="truncate">{step.title}</Text>
					{prompt ? <Text wrap="wrap">{prompt}</Text> : null}
					<DraftInput draft={mode.draft} state={state} columns={showList ? columns - STEP_LIST_WIDTH - 1 : columns} />
					<StepDetails step={step} state={state} />
					{showList ? null : <Text wrap="truncate" color={theme.muted}>{`Missing: ${missing.map(m => m.title).join(', ') || 'nothing'}`}</Text>}
				</Box>
			</Box>
		</Box>
	);
}
