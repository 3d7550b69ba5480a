import type {NoteKind} from '../../core/events.js';
import {info, selectedTimelineIndex, stamped, type LiveKeyResult, type LiveUi, type LiveView, type ModeHandler, type ModeOf, type Pane} from '../live-state.js';
import {bottomShowing, pageOfEvents} from '../timeline-layout.js';
import {startAmendment, startKindChange, startRetraction} from './amend.js';
import {openDetail} from './detail.js';
import {startWizardStep} from './wizard.js';

// Browsing the live screen: every key opens a prompt, moves the selection or
// asks for an effect. The message of the last action goes at the next key.

const PANES: readonly Pane[] = ['checklist', 'timeline', 'hypotheses'];

const open = (ui: LiveUi, mode: LiveUi['mode']): LiveKeyResult => ({ui: {...ui, mode}});

export const browseMode: ModeHandler<ModeOf<'browse'>> = {
	commands: {
		help: ui => open(ui, {name: 'help'}),
		quit: ui => ({ui, effect: {type: 'quit'}}),
		log: (ui, _mode, {arg, now}) => open(ui, {name: 'text', purpose: {kind: 'note', noteKind: arg as NoteKind}, value: '', pressedAt: now}),
		milestone: (ui, _mode, {arg, now}) => open(ui, {name: 'text', purpose: {kind: 'note', noteKind: arg as NoteKind}, value: '', pressedAt: now}),
		hypothesis: (ui, _mode, {now}) => open(ui, {name: 'text', purpose: {kind: 'hypothesis-statement'}, value: '', pressedAt: now}),
		result: (ui, _mode, {view, now}) => startResult(ui, view, now),
		tick: (ui, _mode, {view, now}) => toggleChecklist(ui, view, now),
		phase: (ui, _mode, {arg, view}) => {
			const phaseIndex = clamp(ui.phaseIndex + (arg === 'previous' ? -1 : 1), view.phases.length);
			return {ui: {...ui, phaseIndex, checklistIndex: phaseIndex === ui.phaseIndex ? ui.checklistIndex : 0, focus: 'checklist'}};
		},
		move: (ui, _mode, {arg, view}) => {
			if (arg === 'up' || arg === 'down') return {ui: moveSelection(ui, arg === 'up' ? -1 : 1, view)};
			return {ui: moveTimelineSelection({...ui, focus: 'timeline'}, arg === 'page-up' ? 'page-up' : 'page-down', view)};
		},
		pane: (ui, _mode, {arg}) => ({ui: {...ui, focus: cyclePane(ui.focus, arg === 'previous' ? -1 : 1)}}),
		status: (ui, _mode, {now}) => open(ui, {name: 'choose', purpose: {kind: 'status'}, index: 0, pressedAt: now}),
		severity: (ui, _mode, {now}) => open(ui, {name: 'choose', purpose: {kind: 'severity'}, index: 0, pressedAt: now}),
		time: (ui, _mode, {arg, now}) => {
			if (arg === 'set') return open(ui, {name: 'text', purpose: {kind: 'pending-time'}, value: '', pressedAt: now});
			if (!ui.pendingAt) return {ui};
			const {pendingAt: _cleared, ...rest} = ui;
			return {ui: info(rest, 'time cleared: actions are timed at their key press')};
		},
		amend: (ui, _mode, {arg, view, now}) => (arg === 'kind' ? startKindChange(ui, view, now) : startAmendment(ui, view, now)),
		undo: (ui, _mode, {view}) => {
			if (ui.focus === 'timeline') return startRetraction(ui, view);
			if (!view.undoTarget) return {ui: info(ui, 'nothing of yours to undo')};
			return open(ui, {name: 'confirm', targetId: view.undoTarget.eventId, summary: view.undoTarget.summary});
		},
		wizard: (ui, _mode, {view}) => open(ui, startWizardStep(view.firstMissingStep, view.wizard)),
		// The controller says what is under way; the outcome replaces it.
		publish: ui => ({ui, effect: {type: 'publish'}}),
		sync: ui => ({ui, effect: {type: 'sync'}}),
		update: ui => ({ui: info(ui, 'drafting the update…'), effect: {type: 'draft-update'}}),
		run: (ui, _mode, {now}) => open(ui, {name: 'text', purpose: {kind: 'command-line'}, value: '', pressedAt: now}),
		changes: ui => ({ui: info(ui, 'reading recent changes…'), effect: {type: 'list-changes'}}),
		role: (ui, _mode, {now}) => open(ui, {name: 'choose', purpose: {kind: 'role'}, index: 0, pressedAt: now}),
		read: (ui, _mode, {view}) => openDetail(ui, view),
	},
	// Pasted text is never a run of hotkeys (a "q" in a log line must not quit).
	text: (ui, _mode, _text, {paste}) => ({ui: paste ? info(ui, 'paste ignored: press n (or another log key) first, then paste') : ui}),
};

/**
 * The hypothesis pane's selection counts only while the pane has focus: a
 * selection left there must not make `r` replace a confirmed result unseen.
 * Otherwise the newest open one. The prompt names it, and says when it changes a result.
 */
function startResult(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	const selected = ui.focus === 'hypotheses' ? view.hypotheses[ui.hypothesisIndex] : undefined;
	const hypothesis = selected ?? view.hypotheses.findLast(h => !h.resolved);
	if (!hypothesis) return {ui: info(ui, 'no open hypothesis; press h to add one, or tab to the hypotheses to change a result')};
	const purpose = {
		kind: 'result',
		hypothesisId: hypothesis.id,
		ref: `H${view.hypotheses.indexOf(hypothesis) + 1}`,
		statement: hypothesis.statement,
		chosenAs: selected ? 'selected' : 'newest open',
		...(hypothesis.result ? {replaces: hypothesis.result} : {}),
	} as const;
	return open(ui, {name: 'choose', purpose, index: 0, pressedAt: now});
}

function toggleChecklist(ui: LiveUi, view: LiveView, now: Date): LiveKeyResult {
	if (ui.focus !== 'checklist') return {ui: info(ui, 'tab to the checklist to tick items')};
	const item = view.phases[ui.phaseIndex]?.[ui.checklistIndex];
	if (!item) return {ui};
	const event = view.ticked.has(item.key)
		? ({type: 'checklist.unticked', item: item.key} as const)
		: ({type: 'checklist.ticked', item: item.key, label: item.label} as const);
	return stamped(ui, event, now);
}

function moveSelection(ui: LiveUi, step: -1 | 1, view: LiveView): LiveUi {
	switch (ui.focus) {
		case 'checklist':
			return {...ui, checklistIndex: clamp(ui.checklistIndex + step, view.phases[ui.phaseIndex]?.length ?? 0)};
		case 'hypotheses':
			return {...ui, hypothesisIndex: clamp(ui.hypothesisIndex + step, view.hypotheses.length)};
		case 'timeline':
			return moveTimelineSelection(ui, step, view);
	}
}

/**
 * Moves the selection by `step` events (down is newer), or by a page of rows,
 * and scrolls just enough to show the selected event whole: events take as
 * many rows as their wrapped text needs (timeline-layout.ts).
 */
function moveTimelineSelection(ui: LiveUi, step: number | 'page-up' | 'page-down', view: LiveView): LiveUi {
	const {timeline, timelineFormat: format, timelineRows: rows} = view;
	if (timeline.length === 0) return ui;
	const from = selectedTimelineIndex(ui, view);
	const events = typeof step === 'number' ? step : step === 'page-up' ? -pageOfEvents(timeline, format, rows, from, -1) : pageOfEvents(timeline, format, rows, from, 1);
	const index = Math.max(0, Math.min(timeline.length - 1, from + events));
	const bottom = bottomShowing(timeline, format, rows, Math.max(0, timeline.length - 1 - ui.timelineScroll), index);
	// The newest selected again follows new events as they arrive.
	const timelineSelected = index === timeline.length - 1 ? undefined : timeline[index]!.eventId;
	return {...ui, timelineScroll: timeline.length - 1 - bottom, timelineSelected};
}

function cyclePane(focus: Pane, step: 1 | -1): Pane {
	return PANES[(PANES.indexOf(focus) + step + PANES.length) % PANES.length]!;
}

function clamp(index: number, length: number): number {
	return Math.max(0, Math.min(length - 1, index));
}
