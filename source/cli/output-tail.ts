import type {Readable} from 'node:stream';
import {EVIDENCE_TAIL_BYTES, type CapturedOutput} from '../core/evidence-text.js';

/**
 * The output kept of a command: the last bytes, and how many there were in
 * all. Twice what an evidence file holds, so a secret cut by the cap is still
 * recognised and masked (core/evidence-text.ts).
 */
export class OutputTail {
	private chunks: Buffer[] = [];
	private held = 0;
	total = 0;

	constructor(private readonly limit = EVIDENCE_TAIL_BYTES * 2) {}

	push(chunk: Buffer): void {
		this.total += chunk.length;
		this.chunks.push(chunk);
		this.held += chunk.length;
		while (this.held - this.chunks[0]!.length >= this.limit) this.held -= this.chunks.shift()!.length;
	}

	captured(): CapturedOutput {
		const bytes = Buffer.concat(this.chunks);
		const kept = bytes.subarray(Math.max(0, bytes.length - this.limit));
		return {text: kept.toString('utf8'), capturedBytes: kept.length, totalBytes: this.total};
	}
}

/** Settles when the stream (a FIFO of script's logs) is read to its end, or fails. */
export function readToEnd(stream: Readable, onChunk: (chunk: Buffer) => void): Promise<void> {
	return new Promise(resolve => {
		stream.on('data', chunk => onChunk(chunk as Buffer));
		stream.on('close', resolve);
		stream.on('error', () => resolve());
	});
}
