import {describe, expect, it} from 'vitest';
import {INITIAL_LIVE_UI} from '../../../source/ui/live-state.js';
import {drive, inMode, makeView, RAW, timelineOf} from '../../helpers/live-keys.js';

describe('reading one event (Enter in the timeline)', () => {
	it('opens the selected event, and only from the timeline', () => {
		expect(drive(INITIAL_LIVE_UI, [RAW.enter]).ui).toMatchObject({mode: {name: 'browse'}, message: {text: 'tab to the timeline to read an event'}});
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, RAW.enter]).ui.mode).toEqual({name: 'detail', eventId: 'E39', scroll: 0});
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, RAW.up, RAW.up, RAW.enter]).ui.mode).toEqual({name: 'detail', eventId: 'E37', scroll: 0});
		expect(drive(INITIAL_LIVE_UI, [RAW.tab, RAW.enter], makeView({timeline: []})).ui.message?.text).toBe('the timeline is empty');
	});

	it.each([['Esc', RAW.escape], ['Enter', RAW.enter], ['q', 'q']])('%s closes it, back to the same selection, and writes nothing', (_name, key) => {
		const {ui, effects} = drive(INITIAL_LIVE_UI, [RAW.tab, RAW.up, RAW.enter, key]);
		expect(ui).toMatchObject({mode: {name: 'browse'}, focus: 'timeline', timelineSelected: 'E38'});
		expect(effects).toEqual([]);
	});

	it('scrolls a long event with the arrows, never past its last line', () => {
		const timeline = [...timelineOf(3), {...timelineOf(1)[0]!, eventId: 'LONG', text: 'word '.repeat(400)}];
		const view = makeView({timeline});
		const opened = inMode({name: 'detail', eventId: 'LONG', scroll: 0}, {focus: 'timeline'});
		expect(drive(opened, [RAW.down, RAW.down], view).ui.mode).toMatchObject({scroll: 2});
		expect(drive(opened, [RAW.up], view).ui.mode).toMatchObject({scroll: 0});
		const atEnd = drive(opened, Array<string>(100).fill(RAW.pageDown), view).ui.mode;
		const endScroll = (atEnd as {scroll: number}).scroll;
		expect(endScroll).toBeGreaterThan(0);
		expect(drive(inMode({name: 'detail', eventId: 'LONG', scroll: endScroll}), [RAW.up], view).ui.mode).toMatchObject({scroll: endScroll - 1});
	});
});

describe('the help overlay', () => {
	it('scrolls with the arrows where it is taller than the screen, and any other key closes it', () => {
		const small = makeView({screen: {columns: 80, bodyRows: 10}});
		expect(drive(inMode({name: 'help'}), [RAW.down, RAW.down], small).ui.mode).toEqual({name: 'help', scroll: 2});
		expect(drive(inMode({name: 'help'}), [RAW.up], small).ui.mode).toEqual({name: 'help', scroll: 0});
		expect(drive(inMode({name: 'help'}), [RAW.down], makeView({screen: {columns: 200, bodyRows: 200}})).ui.mode).toEqual({name: 'help', scroll: 0});
		expect(drive(inMode({name: 'help', scroll: 3}), ['x'], small).ui.mode).toEqual({name: 'browse'});
	});
});
