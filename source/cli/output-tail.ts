import type {CapturedOutput} from '../core/evidence-text.js';

/** The output kept of a command: the last `limit` bytes, and how many there were in all. */
export class OutputTail {
	private chunks: Buffer[] = [];
	private held = 0;
	total = 0;

	constructor(private readonly limit: number) {}

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
