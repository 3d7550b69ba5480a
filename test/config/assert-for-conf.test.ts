import assert from 'node:assert';
import {expect, it} from 'vitest';
import confAssert from '../../stubs/assert-for-conf.js';

// conf's node:assert in the bundle (build.mjs, confAssert): its deepEqual must
// pass and throw exactly where node:assert's does.

const plain = (entries: Record<string, unknown>) => Object.assign(Object.create(null) as object, entries);
const shared = {nested: [1, 2]};

const CASES: [string, unknown, unknown][] = [
	['a copy with the same values', plain({handle: 'alice', nested: shared}), plain({handle: 'alice', nested: shared})],
	['an empty store', plain({}), plain({})],
	['a plain object and a null-prototype one', {handle: 'alice'}, plain({handle: 'alice'})],
	['a key more on one side', plain({handle: 'alice'}), plain({handle: 'alice', remote: 'origin'})],
	['a key set to undefined on one side only', plain({handle: 'alice'}), plain({handle: 'alice', remote: undefined})],
	['a different value', plain({handle: 'alice'}), plain({handle: 'bob'})],
	['equal values that are not the same object', plain({nested: [1, 2]}), plain({nested: [1, 2]})],
	['different nested values', plain({nested: [1, 2]}), plain({nested: [1, 3]})],
	['loosely equal values', plain({autoSync: 1}), plain({autoSync: '1'})],
	['NaN on both sides', plain({autoSync: Number.NaN}), plain({autoSync: Number.NaN})],
	['zero and minus zero', plain({autoSync: 0}), plain({autoSync: -0})],
	['arrays', [1, 2], [1, 2]],
	['an array and an object', [1], {0: 1}],
	['dates', new Date(0), new Date(1)],
	['primitives', 1, '1'],
];

const outcome = (compare: () => void) => {
	try {
		compare();
		return 'equal';
	} catch (error) {
		return `throws ${(error as Error).name}`;
	}
};

it.each(CASES)('deepEqual answers as node:assert does: %s', (_name, actual, expected) => {
	expect(outcome(() => confAssert.deepEqual(actual, expected))).toBe(outcome(() => assert.deepEqual(actual, expected)));
});
