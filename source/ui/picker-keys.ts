import {isCtrlC, type KeyPress} from './key-press.js';
import {windowAround} from './layout.js';

// The picker shown when several incidents are open: ↑↓ and Enter, or the
// number of one of the first nine, resumes it; n opens a new one. Pure, like
// every screen's keys (hooks/useScreenController.ts runs the effects).

export interface PickerState {
	/** The open incidents' IDs, newest first. */
	ids: readonly string[];
	selected: number;
}

export type PickerEffect = {type: 'resume'; incidentId: string} | {type: 'new'} | {type: 'quit'};

/** Only the first nine have a number key; the rest are reached with the arrows. */
export const NUMBERED = 9;

export function initialPickerState(ids: readonly string[]): PickerState {
	return {ids, selected: 0};
}

export function handlePickerKey(state: PickerState, press: KeyPress): {state: PickerState; effect?: PickerEffect} {
	if (isCtrlC(press) || press.input === 'q') return {state, effect: {type: 'quit'}};
	if (press.input === 'n') return {state, effect: {type: 'new'}};
	if (press.upArrow || press.downArrow) {
		const selected = Math.max(0, Math.min(state.ids.length - 1, state.selected + (press.upArrow ? -1 : 1)));
		return {state: {...state, selected}};
	}
	const chosen = press.return ? state.selected : /^[1-9]$/.test(press.input) ? Number(press.input) - 1 : -1;
	const incidentId = state.ids[chosen];
	return incidentId === undefined ? {state} : {state, effect: {type: 'resume', incidentId}};
}

/** The heading and the line saying what is out of view. */
const PICKER_CHROME_ROWS = 2;

/**
 * The rows of the list that fit the terminal, always with the selection among
 * them; one row is kept free, as Ink redraws the whole terminal once its
 * output is as tall as the terminal.
 */
export function pickerWindow(count: number, selected: number, terminalRows: number): {start: number; end: number} {
	return windowAround(count, Math.max(1, terminalRows - 1 - PICKER_CHROME_ROWS), selected);
}
