import {useRef, useState} from 'react';
import type {KeyPress} from '../key-press.js';
import {useKeyHandler} from './useKeyRouter.js';

/** A screen's key logic, pure: the next state, and what should happen outside the screen. */
export type ScreenKeyHandler<State, Effect> = (state: State, press: KeyPress, now: Date) => {state: State; effect?: Effect};

/**
 * The controller of a screen: each key goes to the pure handler, and its
 * effect is carried out by `runEffect` through the services, which returns
 * the state to show (the handler's, or one with the error of a failed
 * effect). The latest state lives in a ref, so keys arriving faster than
 * frames never act on a stale copy.
 */
export function useScreenController<State, Effect>(
	initial: () => State,
	handleKey: ScreenKeyHandler<State, Effect>,
	runEffect: (effect: Effect, next: State) => State,
): State {
	const stateRef = useRef<State | undefined>(undefined);
	stateRef.current ??= initial();
	const [state, setState] = useState<State>(stateRef.current);
	useKeyHandler((press, pressedAt) => {
		const {state: next, effect} = handleKey(stateRef.current!, press, pressedAt);
		const shown = effect === undefined ? next : runEffect(effect, next);
		stateRef.current = shown;
		setState(shown);
	});
	return state;
}
