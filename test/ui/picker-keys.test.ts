import {describe, expect, it} from 'vitest';
import type {KeyPress} from '../../source/ui/key-press.js';
import {handlePickerKey, pickerWindow, type PickerEffect} from '../../source/ui/picker-keys.js';

const ids = Array.from({length: 12}, (_, index) => `2026-11-23-${String(12 - index).padStart(2, '0')}`);

describe('the picker keys', () => {
	const cases: {name: string; selected: number; press: KeyPress; next: number; effect?: PickerEffect}[] = [
		{name: 'q quits', selected: 3, press: {input: 'q'}, next: 3, effect: {type: 'quit'}},
		{name: 'Ctrl-C quits', selected: 3, press: {input: 'c', ctrl: true}, next: 3, effect: {type: 'quit'}},
		{name: 'n opens a new incident', selected: 0, press: {input: 'n'}, next: 0, effect: {type: 'new'}},
		{name: '↓ selects the next', selected: 0, press: {input: '', downArrow: true}, next: 1},
		{name: '↓ stops at the last', selected: 11, press: {input: '', downArrow: true}, next: 11},
		{name: '↑ selects the previous', selected: 10, press: {input: '', upArrow: true}, next: 9},
		{name: '↑ stops at the first', selected: 0, press: {input: '', upArrow: true}, next: 0},
		{name: 'Enter resumes the selected one, past the ninth too', selected: 10, press: {input: '', return: true}, next: 10, effect: {type: 'resume', incidentId: ids[10]!}},
		{name: 'a number resumes that one, whatever is selected', selected: 5, press: {input: '3'}, next: 5, effect: {type: 'resume', incidentId: ids[2]!}},
		{name: '9 is the last number key', selected: 0, press: {input: '9'}, next: 0, effect: {type: 'resume', incidentId: ids[8]!}},
		{name: '0 does nothing', selected: 0, press: {input: '0'}, next: 0},
		{name: 'another letter does nothing', selected: 4, press: {input: 'x'}, next: 4},
	];
	it.each(cases)('$name', ({selected, press, next, effect}) => {
		const result = handlePickerKey({ids, selected}, press);
		expect(result.state.selected).toBe(next);
		expect(result.effect).toEqual(effect);
	});

	it('resumes nothing on a number beyond the list', () => {
		expect(handlePickerKey({ids: ids.slice(0, 2), selected: 0}, {input: '3'}).effect).toBeUndefined();
	});
});

describe('the picker window', () => {
	const cases: {name: string; count: number; selected: number; rows: number; window: {start: number; end: number}}[] = [
		{name: 'everything when it fits', count: 5, selected: 4, rows: 24, window: {start: 0, end: 5}},
		{name: 'the top while the selection is near it', count: 30, selected: 2, rows: 10, window: {start: 0, end: 7}},
		{name: 'the selection in the middle when scrolled', count: 30, selected: 15, rows: 10, window: {start: 12, end: 19}},
		{name: 'the bottom for the last one', count: 30, selected: 29, rows: 10, window: {start: 23, end: 30}},
		{name: 'at least the selection in a tiny terminal', count: 30, selected: 20, rows: 2, window: {start: 20, end: 21}},
	];
	it.each(cases)('$name', ({count, selected, rows, window}) => {
		expect(pickerWindow(count, selected, rows)).toEqual(window);
	});

	it('always holds the selection, whatever the count, selection and height', () => {
		for (let count = 1; count <= 25; count++) {
			for (let rows = 1; rows <= 30; rows++) {
				for (let selected = 0; selected < count; selected++) {
					const {start, end} = pickerWindow(count, selected, rows);
					expect(start <= selected && selected < end && end - start <= Math.max(1, rows - 3)).toBe(true);
				}
			}
		}
	});
});
