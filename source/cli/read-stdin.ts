import {environmentErrorFrom} from '../commands/command-errors.js';

/**
 * Standard input to its end, as a stream: `readFileSync(0)` fails with EAGAIN
 * when a pipe or a terminal has nothing to give yet (a slow producer, a paste).
 */
export async function readStandardInput(): Promise<string> {
	let text = '';
	try {
		process.stdin.setEncoding('utf8');
		for await (const chunk of process.stdin) text += chunk as string;
	} catch (error) {
		throw environmentErrorFrom(error, 'could not read standard input');
	}
	return text;
}
