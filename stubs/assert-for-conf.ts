// conf checks at every start, with node:assert's deepEqual, that its file
// already holds its defaults; loading node:assert costs `log` ~2 ms. With no
// defaults given (incident-tui gives none) the two sides are a copy of each
// other: the same keys holding the same values, which deepEqual always finds
// equal. That case is answered here; any other goes to node:assert itself.
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && [null, Object.prototype].includes(Object.getPrototypeOf(value));

function sameKeysSameValues(actual: unknown, expected: unknown): boolean {
	if (!isPlainObject(actual) || !isPlainObject(expected)) return false;
	const keys = Object.keys(actual);
	return keys.length === Object.keys(expected).length && keys.every(key => Object.hasOwn(expected, key) && Object.is(actual[key], expected[key]));
}

export default {
	deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
		if (sameKeysSameValues(actual, expected)) return;
		(require('node:assert') as typeof import('node:assert')).deepEqual(actual, expected, message);
	},
};
