import {describe, expect, it} from 'vitest';
import {scriptEnding, withoutScriptFrame} from '../../source/cli/script-logs.js';

// util-linux script's logs as it writes them (2.38, `-qfe -m advanced -T`).

const TIMING_LOG = [
	'H 0.000000 START_TIME 2026-11-25 22:10:04+00:00',
	'H 0.000000 SHELL /bin/sh',
	'H 0.000000 COMMAND exec sh -c \'echo a; sleep 0.2; exit 3\'',
	'H 0.000000 TIMING_LOG /tmp/incident-tui-run-x/timing',
	'H 0.000000 OUTPUT_LOG /tmp/incident-tui-run-x/output',
	'O 0.010239 3',
	'H 0.000000 DURATION 0.219977',
	'H 0.000000 EXIT_CODE 3',
	'',
].join('\n');

describe('script logs', () => {
	it('reads how the command ended from the timing log', () => {
		expect(scriptEnding(TIMING_LOG)).toEqual({exitCode: 3, durationMs: 219.977});
	});

	it('says nothing of a log that stops before the end: script was killed', () => {
		expect(scriptEnding(TIMING_LOG.split('\nH 0.000000 DURATION')[0]!)).toBeUndefined();
		expect(scriptEnding('')).toBeUndefined();
	});

	it('takes script\'s own first and last lines off the output, and counts the bytes left', () => {
		const text = 'Script started on 2026-11-25 22:10:00+00:00 [COMMAND="x" <not executed on terminal>]\nhi\r\n\nScript done on 2026-11-25 22:10:00+00:00 [COMMAND_EXIT_CODE="3"]\n';
		const bytes = Buffer.byteLength(text);
		expect(withoutScriptFrame({text, capturedBytes: bytes, totalBytes: bytes + 10})).toEqual({text: 'hi\r\n', capturedBytes: 4, totalBytes: 14});
	});
});
