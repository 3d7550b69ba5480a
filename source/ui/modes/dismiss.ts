import {toBrowse, type LiveMode, type ModeHandler} from '../live-state.js';

/** The help overlay: any key goes back to browsing, and the key after it acts. */
export const dismissMode: ModeHandler<LiveMode> = {
	commands: {close: ui => ({ui: toBrowse(ui)})},
};
