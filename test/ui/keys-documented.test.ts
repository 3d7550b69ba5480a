import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {LIVE_KEYS} from '../../source/ui/keys.js';

it('documents exactly the keys of the key table in the README', () => {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	const section = readme.slice(readme.indexOf('## The live screen'), readme.indexOf('## Commands'));
	const documented = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map(match => match[1]);
	expect(documented).toEqual(LIVE_KEYS.map(key => key.keys));
});
