import {it} from 'vitest';

const onCi = !['', '0', 'false'].includes((process.env['CI'] ?? '').toLowerCase());

/**
 * Whether to skip tests that need something this machine lacks (tmux, root).
 * On a laptop they are skipped with a warning; on CI a failing test says what is
 * missing, so a runner without it can never pass by testing less.
 */
export function skipWithout(available: boolean, missing: string): boolean {
	if (available) return false;
	if (onCi) {
		it(`has what these tests need (CI): ${missing}`, () => {
			throw new Error(`${missing}; CI must run these tests, so install it (or run as root) on the runner`);
		});
	} else {
		console.warn(`${missing}: skipped here (on CI, with CI=true, this fails)`);
	}
	return true;
}
