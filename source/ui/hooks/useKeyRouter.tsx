import {useStdin} from 'ink';
import {createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode} from 'react';
import {KeyDecoder, type KeyPress} from '../key-press.js';

// One reader of keys for the whole app, dispatching to whichever screen is
// showing (one router, as Ink 6 can hang when two useInput users swap, #943).

export type KeyHandler = (press: KeyPress, pressedAt: Date) => void;

const RegisterContext = createContext<(handler: KeyHandler) => void>(() => {});

export function KeyRouter({now, children}: {now: () => Date; children: ReactNode}) {
	const handlerRef = useRef<KeyHandler | undefined>(undefined);
	// Ink's private input events (test/ui/ink-input-events.test.tsx fails if an upgrade changes them).
	const {internal_eventEmitter: inputEvents, setRawMode, isRawModeSupported} = useStdin();
	useEffect(() => {
		if (!isRawModeSupported) return;
		const decoder = new KeyDecoder();
		const onInput = (raw: string) => {
			// The time is read here, at the key press, before any other work.
			const pressedAt = now();
			for (const press of decoder.decode(raw)) handlerRef.current?.(press, pressedAt);
		};
		setRawMode(true);
		inputEvents.on('input', onInput);
		return () => {
			inputEvents.off('input', onInput);
			setRawMode(false);
		};
	}, [inputEvents, setRawMode, isRawModeSupported, now]);
	const register = useRef((handler: KeyHandler) => {
		handlerRef.current = handler;
	}).current;
	return <RegisterContext.Provider value={register}>{children}</RegisterContext.Provider>;
}

/** Makes `handler` the receiver of every key while this component is mounted. */
export function useKeyHandler(handler: KeyHandler): void {
	const register = useContext(RegisterContext);
	useLayoutEffect(() => register(handler));
}
