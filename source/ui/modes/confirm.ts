import {record, toBrowse, type ModeHandler, type ModeOf} from '../live-state.js';

// Undo asks first: y writes a retraction (nothing is deleted), n or Esc keeps the event.

export const confirmMode: ModeHandler<ModeOf<'confirm'>> = {
	commands: {
		yes: (ui, mode, {now}) => ({ui: toBrowse(ui), effect: record({type: 'event.retracted', target: mode.targetId}, now)}),
		no: ui => ({ui: toBrowse(ui, 'kept; nothing undone')}),
	},
};
