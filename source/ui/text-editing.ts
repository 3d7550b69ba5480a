import type {KeyPress} from './key-press.js';

export type TextEdit = {type: 'edit'; value: string} | {type: 'submit'} | {type: 'cancel'} | {type: 'ignore'};

/**
 * One key applied to a one-line text prompt. Kept in plain state updated per
 * key (not ink-text-input, which computes each value from the last render and
 * drops characters typed faster than a frame).
 */
export function editText(value: string, press: KeyPress): TextEdit {
	if (press.escape) return {type: 'cancel'};
	if (press.return) return {type: 'submit'};
	if (press.erase) return {type: 'edit', value: Array.from(value).slice(0, -1).join('')};
	if (press.ctrl && press.input === 'u') return {type: 'edit', value: ''};
	if (press.ctrl && press.input === 'w') return {type: 'edit', value: value.replace(/\S+\s*$/, '')};
	if (press.ctrl || press.meta || press.tab || press.upArrow || press.downArrow || press.input === '') {
		return {type: 'ignore'};
	}
	return {type: 'edit', value: value + press.input};
}
