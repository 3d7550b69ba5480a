import {useApp} from 'ink';
import {useLayoutEffect, useRef, useState} from 'react';
import type {CommandContext} from '../../commands/command-context.js';
import type {IncidentState} from '../../core/incident-state.js';
import {isCtrlC, type KeyPress} from '../key-press.js';
import {forEachKey, handleLiveKey} from '../live-input.js';
import {INITIAL_LIVE_UI, type LiveUi, type LiveView} from '../live-state.js';
import {runLiveEffect} from '../run-live-effect.js';
import type {IncidentView, ScreenServices} from '../screen-services.js';
import {useKeyHandler} from './useKeyRouter.js';

interface LiveControllerOptions {
	context: CommandContext;
	incidentId: string;
	/** What the keys need to know of the incident, as last drawn. */
	view: LiveView;
	/** The same for an incident read just now, before the frame that draws it. */
	viewOf: (state: IncidentState) => LiveView;
	/** Reads what was appended (called after each append, so the screen shows an event only once it is on disk). */
	refresh: () => IncidentView | undefined;
	services: ScreenServices;
	initialUi?: LiveUi;
}

interface HeldKey {
	press: KeyPress;
	pressedAt: Date;
}

function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const hint = (error as {hint?: unknown}).hint;
	return typeof hint === 'string' && hint !== '' ? `${error.message} (${hint})` : error.message;
}

/**
 * Connects keys to the live screen's pure key logic and runs the resulting
 * effect. Keys can arrive faster than frames (several in one read), so every
 * key acts on the latest UI state and incident, kept in refs, never on the
 * copies of the last frame; the screen is drawn once per read key press.
 */
export function useLiveController({context, incidentId, view, viewOf, refresh, services, initialUi = INITIAL_LIVE_UI}: LiveControllerOptions): LiveUi {
	const {exit} = useApp();
	const uiRef = useRef<LiveUi>(initialUi);
	const [ui, setUi] = useState<LiveUi>(initialUi);
	const viewRef = useRef(view);
	useLayoutEffect(() => {
		viewRef.current = view;
	}, [view]);
	// Keys typed while the update is being drafted: they act, in order, once it is on screen.
	const heldRef = useRef<HeldKey[] | undefined>(undefined);
	const draw = () => setUi(uiRef.current);
	const show = (next: LiveUi) => {
		uiRef.current = next;
	};
	// An event just appended counts for the next key even before it is drawn (`r` right after `h`).
	const reread = () => {
		const next = refresh();
		if (next) viewRef.current = viewOf(next.state);
	};

	/**
	 * Holds the keys typed while `work` runs (drafting the update, reading the
	 * changes): they act, in order, in the screen it opens; if it fails they
	 * were meant for it, and run as hotkeys they would log something else.
	 */
	const holdKeysUntil = <T,>(work: Promise<T>, opened: (result: T) => LiveUi, pressedKey: string) => {
		heldRef.current = [];
		const release = (next: LiveUi, replay: boolean) => {
			const held = heldRef.current ?? [];
			heldRef.current = undefined;
			show(next);
			if (replay) for (const key of held) act(key.press, key.pressedAt);
			draw();
		};
		work.then(
			result => release(opened(result), true),
			(error: unknown) => {
				const unused = heldRef.current?.length ?? 0;
				const dropped = unused === 0 ? '' : `; the ${unused === 1 ? 'key' : `${unused} keys`} typed after ${pressedKey} did nothing`;
				release({...uiRef.current, message: {text: describeError(error) + dropped, tone: 'error'}}, false);
			},
		);
	};
	const draft = (pressedAt: Date) =>
		holdKeysUntil(services.draftUpdate(incidentId), text => ({...uiRef.current, mode: {name: 'compose', value: text, pressedAt}, message: undefined}), 'U');
	const listChanges = (pressedAt: Date) =>
		holdKeysUntil(
			services.listChanges(incidentId),
			({changes, notes}): LiveUi => {
				// Nothing to pick: one line, the repositories' own notes when they say why.
				if (changes.length === 0) return {...uiRef.current, message: {text: notes.join('; ') || 'no commits, merges or tags in the window', tone: 'info'}};
				return {...uiRef.current, mode: {name: 'choose', purpose: {kind: 'change', changes}, index: 0, pressedAt}, message: undefined};
			},
			'C',
		);

	/** One key: returns whether it did anything (forEachKey's rule for text typed ahead). */
	const act = (press: KeyPress, pressedAt: Date): boolean => {
		const held = heldRef.current;
		if (held && !isCtrlC(press)) {
			held.push({press, pressedAt});
			return true;
		}
		const before = uiRef.current;
		const {ui: next, effect, idle} = handleLiveKey(before, press, viewRef.current, pressedAt);
		if (effect?.type === 'quit') {
			exit();
			return true;
		}
		show(next);
		if (!effect) return idle !== true;
		if (effect.type === 'draft-update') {
			draft(pressedAt);
			return true;
		}
		if (effect.type === 'run-command') {
			// The screen goes away until the command has run: start-app draws it again.
			services.runCommandLine(incidentId, effect.line);
			return true;
		}
		if (effect.type === 'list-changes') {
			listChanges(pressedAt);
			return true;
		}
		try {
			const result = runLiveEffect(context, incidentId, effect, services);
			if (typeof result === 'string') {
				reread();
				show({...next, message: {text: result, tone: 'info'}});
				return true;
			}
			show({...next, message: {text: effect.type === 'sync' ? 'Syncing with the remote…' : 'Publishing: rendering the report and committing…', tone: 'info'}});
			result
				.then(
					text => show({...uiRef.current, message: {text, tone: 'info'}}),
					(error: unknown) => show({...uiRef.current, message: {text: describeError(error), tone: 'error'}}),
				)
				.finally(() => {
					reread();
					draw();
				});
		} catch (error) {
			// Nothing was written: go back to where the responder was, text and all.
			show({...before, message: {text: describeError(error), tone: 'error'}});
		}
		return true;
	};

	useKeyHandler((press, pressedAt) => {
		forEachKey(press, key => act(key, pressedAt));
		draw();
	});
	return ui;
}
