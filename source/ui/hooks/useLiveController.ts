import {useApp} from 'ink';
import {useRef, useState} from 'react';
import type {CommandContext} from '../../commands/command-context.js';
import {handleLiveKey} from '../live-input.js';
import {INITIAL_LIVE_UI, type LiveUi, type LiveView} from '../live-state.js';
import {runLiveEffect} from '../run-live-effect.js';
import type {ScreenServices} from '../screen-services.js';
import {useKeyHandler} from './useKeyRouter.js';

interface LiveControllerOptions {
	context: CommandContext;
	incidentId: string;
	view: LiveView;
	/** Called after a successful append, so the screen shows the event only once it is on disk. */
	refresh: () => void;
	services: ScreenServices;
	initialUi?: LiveUi;
}

function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const hint = (error as {hint?: unknown}).hint;
	return typeof hint === 'string' && hint !== '' ? `${error.message} (${hint})` : error.message;
}

/**
 * Connects keys to the live screen's pure key logic and runs the resulting
 * effect. The latest UI state lives in a ref, so keys arriving faster than
 * frames never act on a stale copy.
 */
export function useLiveController({context, incidentId, view, refresh, services, initialUi = INITIAL_LIVE_UI}: LiveControllerOptions): LiveUi {
	const {exit} = useApp();
	const uiRef = useRef<LiveUi>(initialUi);
	const [ui, setUi] = useState<LiveUi>(initialUi);
	const show = (next: LiveUi) => {
		uiRef.current = next;
		setUi(next);
	};
	useKeyHandler((press, pressedAt) => {
		const before = uiRef.current;
		const {ui: next, effect} = handleLiveKey(before, press, view, pressedAt);
		if (effect?.type === 'quit') {
			exit();
			return;
		}
		if (!effect) {
			show(next);
			return;
		}
		if (effect.type === 'draft-update') {
			show(next);
			services.draftUpdate(incidentId).then(
				text => show({...uiRef.current, mode: {name: 'compose', value: text, pressedAt}, message: undefined}),
				(error: unknown) => show({...uiRef.current, message: {text: describeError(error), tone: 'error'}}),
			);
			return;
		}
		try {
			const result = runLiveEffect(context, incidentId, effect, services);
			if (typeof result === 'string') {
				refresh();
				show({...next, message: {text: result, tone: 'info'}});
				return;
			}
			show({...next, message: {text: effect.type === 'sync' ? 'Syncing with the remote…' : 'Publishing: rendering the report and committing…', tone: 'info'}});
			result.then(
				text => show({...uiRef.current, message: {text, tone: 'info'}}),
				(error: unknown) => show({...uiRef.current, message: {text: describeError(error), tone: 'error'}}),
			).finally(refresh);
		} catch (error) {
			// Nothing was written: go back to where the responder was, text and all.
			show({...before, message: {text: describeError(error), tone: 'error'}});
		}
	});
	return ui;
}
