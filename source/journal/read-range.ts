import {readSync} from 'node:fs';

/** Bytes `from` up to `to` of an open file, fewer where the file ends first. */
export function readRange(fd: number, from: number, to: number): Buffer {
	const buffer = Buffer.alloc(Math.max(0, to - from));
	let got = 0;
	while (got < buffer.length) {
		const n = readSync(fd, buffer, got, buffer.length - got, from + got);
		if (n === 0) break;
		got += n;
	}
	return buffer.subarray(0, got);
}
