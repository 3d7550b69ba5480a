import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {toHandle} from '../../source/config/default-handle.js';
import {openSettings, resolveSettings} from '../../source/config/settings.js';
import {DEFAULT_SECRET_PATTERNS} from '../../source/core/secret-mask.js';
import {makeTempDir} from '../helpers/temp-dir.js';

describe('settings', () => {
	it('starts from defaults and stores what is set, validated', () => {
		const dir = makeTempDir();
		const store = openSettings(dir);
		expect(resolveSettings(store, () => 'fallback')).toEqual({
			handle: 'fallback',
			incidentsDir: 'docs',
			template: 'incident-report',
			remote: 'origin',
			autoSync: 0,
			handoverHours: 3,
			gitNetworkTimeout: 30,
			gitHookTimeout: 120,
			secretPatterns: [...DEFAULT_SECRET_PATTERNS],
			changeRepos: [],
		});
		store.set('handle', 'alice');
		store.set('autoSync', '30');
		const reopened = resolveSettings(openSettings(dir), () => 'fallback');
		expect(reopened).toMatchObject({handle: 'alice', autoSync: 30});
		expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({handle: 'alice', autoSync: 30});
	});

	it('refuses unknown keys and bad values with one line', () => {
		const store = openSettings(makeTempDir());
		expect(() => store.set('colour', 'red')).toThrow(/unknown setting "colour"; settings are handle, incidentsDir/);
		expect(() => store.set('handle', 'alice smith')).toThrow(/^handle: a handle is/);
		expect(() => store.set('autoSync', '-1')).toThrow(/autoSync/);
		expect(() => store.set('gitNetworkTimeout', '0')).toThrow(/^gitNetworkTimeout/);
		expect(() => store.set('gitHookTimeout', '1.5')).toThrow(/^gitHookTimeout/);
		expect(() => store.set('secretPatterns', '["ok", "(unclosed"]')).toThrow(/^secretPatterns: "\(unclosed": Invalid regular expression/);
		expect(() => store.set('secretPatterns', '[".*"]')).toThrow(/matches empty text/);
	});

	it('takes a list as a JSON array, or one value as a list of one', () => {
		const dir = makeTempDir();
		const store = openSettings(dir);
		store.set('changeRepos', '["../api", "../web"]');
		store.set('secretPatterns', 'internal-[0-9]+');
		expect(resolveSettings(openSettings(dir), () => 'x')).toMatchObject({changeRepos: ['../api', '../web'], secretPatterns: ['internal-[0-9]+']});
	});

	it('reads its file once, and a value set is what the same store reads back', () => {
		const dir = makeTempDir();
		const store = openSettings(dir);
		store.set('remote', 'upstream');
		// Another process changing the file after the read is seen at the next start, not mid-command.
		writeFileSync(join(dir, 'config.json'), '{"remote": "elsewhere", "template": "postmortem"}');
		expect(resolveSettings(store, () => 'x')).toMatchObject({remote: 'upstream', template: 'incident-report'});
		expect(resolveSettings(openSettings(dir), () => 'x')).toMatchObject({remote: 'elsewhere', template: 'postmortem'});
	});

	it('falls back to defaults, without overwriting, when the file is corrupt', () => {
		const dir = makeTempDir();
		writeFileSync(join(dir, 'config.json'), '{"handle": "al');
		const store = openSettings(dir);
		expect(store.problem).toMatch(/could not be read/);
		expect(resolveSettings(store, () => 'fallback').handle).toBe('fallback');
		expect(() => store.set('handle', 'bob')).toThrow(/fix or delete that file/);
		expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"handle": "al');
	});

	it('makes a handle out of a git user name', () => {
		expect(toHandle('Alice Smith\n')).toBe('alice-smith');
		expect(toHandle('  ')).toBeUndefined();
		expect(toHandle('Zoë O’Brien')).toBe('zo-o-brien');
	});
});
