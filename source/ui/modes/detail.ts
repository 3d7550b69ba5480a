import {clampScroll} from '../layout.js';
import {info, selectedTimelineEntry, toBrowse, type LiveKeyResult, type LiveUi, type LiveView, type ModeHandler, type ModeOf} from '../live-state.js';
import {detailLines} from '../timeline-layout.js';

// One timeline event in full (Enter on the selected event): the arrows scroll
// what does not fit, Esc, Enter or q go back to the timeline.

/** Lines the arrows move; a page keeps one line of the last in view. */
export function scrollStep(arg: string | undefined, rows: number): number {
	const page = Math.max(1, rows - 1);
	return {up: -1, down: 1, 'page-up': -page, 'page-down': page}[arg ?? ''] ?? 0;
}

/** Rows the detail view has for its lines: the body less its title. */
export const detailRows = (view: LiveView): number => Math.max(1, view.screen.bodyRows - 1);

export function openDetail(ui: LiveUi, view: LiveView): LiveKeyResult {
	if (ui.focus !== 'timeline') return {ui: info(ui, 'tab to the timeline to read an event')};
	const entry = selectedTimelineEntry(ui, view);
	if (!entry) return {ui: info(ui, 'the timeline is empty')};
	return {ui: {...ui, mode: {name: 'detail', eventId: entry.eventId, scroll: 0}}};
}

export const detailMode: ModeHandler<ModeOf<'detail'>> = {
	commands: {
		scroll: (ui, mode, {arg, view}) => {
			const entry = view.timeline.findLast(candidate => candidate.eventId === mode.eventId);
			const lines = entry ? detailLines(entry, view.timelineFormat.startedAt, view.screen.columns).length : 0;
			const scroll = clampScroll(mode.scroll + scrollStep(arg, detailRows(view)), lines, detailRows(view));
			return {ui: {...ui, mode: {...mode, scroll}}};
		},
		close: ui => ({ui: toBrowse(ui)}),
	},
};
