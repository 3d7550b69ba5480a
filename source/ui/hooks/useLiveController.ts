import {useApp} from 'ink';
import {useRef, useState} from 'react';
import type {CommandContext} from '../../commands/command-context.js';
import {handleLiveKey, INITIAL_LIVE_UI, type LiveUi, type LiveView} from '../live-input.js';
import {runLiveEffect} from '../run-live-effect.js';
import {useKeyHandler} from './useKeyRouter.js';

interface LiveControllerOptions {
	context: CommandContext;
	incidentId: string;
	view: LiveView;
	/** Called after a successful append, so the screen shows the event only once it is on disk. */
	refresh: () => void;
}

/**
 * Connects keys to the live screen's pure key logic and runs the resulting
 * effect. The latest UI state lives in a ref, so keys arriving faster than
 * frames never act on a stale copy.
 */
export function useLiveController({context, incidentId, view, refresh}: LiveControllerOptions): LiveUi {
	const {exit} = useApp();
	const uiRef = useRef<LiveUi>(INITIAL_LIVE_UI);
	const [ui, setUi] = useState<LiveUi>(INITIAL_LIVE_UI);
	useKeyHandler((press, pressedAt) => {
		const before = uiRef.current;
		const {ui: next, effect} = handleLiveKey(before, press, view, pressedAt);
		let after = next;
		if (effect?.type === 'quit') {
			exit();
			return;
		}
		if (effect) {
			try {
				after = {...next, message: {text: runLiveEffect(context, incidentId, effect), tone: 'info'}};
				refresh();
			} catch (error) {
				// Nothing was written: go back to where the responder was, text and all.
				const reason = error instanceof Error ? error.message : String(error);
				after = {...before, message: {text: reason, tone: 'error'}};
			}
		}
		uiRef.current = after;
		setUi(after);
	});
	return ui;
}
