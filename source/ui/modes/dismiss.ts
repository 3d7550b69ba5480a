import {toBrowse, type LiveMode, type ModeHandler} from '../live-state.js';

/** The sent update: any key goes back to browsing. */
export const dismissMode: ModeHandler<LiveMode> = {
	commands: {close: ui => ({ui: toBrowse(ui)})},
};
