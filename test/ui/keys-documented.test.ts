import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {readmeKeyTable} from '../../source/ui/keys.js';

it('documents exactly the key table in the README (npm run docs:keys rewrites it)', () => {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	expect(readme).toContain(`\n${readmeKeyTable()}\n\n`);
});
