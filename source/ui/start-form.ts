import {MAX_TITLE_LENGTH, type Severity} from '../core/events.js';
import {isCtrlC, type KeyPress} from './key-press.js';
import {editText} from './text-editing.js';

// The start screen: title, then severity, then commander (your handle unless
// you type another), then the incident opens. Pure, like the live screen's keys.

export type StartStep = 'title' | 'severity' | 'commander';

export interface StartForm {
	step: StartStep;
	title: string;
	severity?: Severity;
	commander: string;
	/** The first key press: when the commander started declaring the incident. */
	startedAt?: Date;
	error?: string;
}

export type StartEffect = {type: 'open'; title: string; severity: Severity; commander: string; at: Date} | {type: 'quit'};

export function initialStartForm(handle: string): StartForm {
	return {step: 'title', title: '', commander: handle};
}

export function handleStartKey(form: StartForm, press: KeyPress, now: Date): {form: StartForm; effect?: StartEffect} {
	if (isCtrlC(press)) return {form, effect: {type: 'quit'}};
	const current = {...form, startedAt: form.startedAt ?? now, error: undefined};
	switch (form.step) {
		case 'title': {
			const edit = editText(form.title, press);
			if (edit.type === 'edit') return {form: {...current, title: edit.value}};
			if (edit.type !== 'submit') return {form: current};
			const title = form.title.trim();
			if (title === '') return {form: {...current, error: 'say in a few words what is broken'}};
			if (title.length > MAX_TITLE_LENGTH) {
				return {form: {...current, error: `the title is ${title.length} characters; keep it to ${MAX_TITLE_LENGTH}`}};
			}
			return {form: {...current, step: 'severity'}};
		}
		case 'severity': {
			if (press.escape) return {form: {...current, step: 'title'}};
			const severity = /^[123]$/.test(press.input) ? (Number(press.input) as Severity) : undefined;
			return severity ? {form: {...current, severity, step: 'commander'}} : {form: current};
		}
		case 'commander': {
			if (press.escape) return {form: {...current, step: 'severity'}};
			const edit = editText(form.commander, press);
			if (edit.type === 'edit') return {form: {...current, commander: edit.value}};
			if (edit.type !== 'submit') return {form: current};
			const commander = form.commander.trim();
			if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(commander)) {
				return {form: {...current, error: 'a handle is letters, digits, dot, dash or underscore'}};
			}
			return {
				form: current,
				effect: {type: 'open', title: form.title.trim(), severity: form.severity ?? 2, commander, at: current.startedAt},
			};
		}
	}
}
