import {helpLines} from '../help-lines.js';
import {clampScroll} from '../layout.js';
import {toBrowse, type ModeHandler, type ModeOf} from '../live-state.js';
import {scrollStep} from './detail.js';

/** The help overlay: the arrows scroll it where it is taller than the screen, any other key closes it. */
export const helpMode: ModeHandler<ModeOf<'help'>> = {
	commands: {
		scroll: (ui, mode, {arg, view}) => {
			const rows = Math.max(1, view.screen.bodyRows - 1);
			const scroll = clampScroll((mode.scroll ?? 0) + scrollStep(arg, rows), helpLines(view.screen.columns).length, rows);
			return {ui: {...ui, mode: {...mode, scroll}}};
		},
		close: ui => ({ui: toBrowse(ui)}),
	},
};
