import {simpleGit, type SimpleGit} from 'simple-git';

// One way to run git: never prompts (a hung credential or pinentry prompt
// would fight the screen for the terminal), one process at a time (parallel
// calls collide on index.lock), and an environment simple-git 4 accepts.

// simple-git refuses to pass these on (PITFALLS.md); git reads its own config for them.
const GUARDED = new Set(['editor', 'pager', 'prefix', 'ssh_askpass', 'visual']);
// Identity set in the environment is still the responder's identity.
const PASSED_ON = ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL'];

/** `extra` may set GIT_INDEX_FILE and identity variables, which are allowed through. */
export function gitClient(root: string, extra: Record<string, string> = {}): SimpleGit {
	const environment: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		const name = key.toLowerCase();
		if (value === undefined || GUARDED.has(name)) continue;
		if (name.startsWith('git_') && !PASSED_ON.includes(key)) continue;
		environment[key] = value;
	}
	return simpleGit({baseDir: root, maxConcurrentProcesses: 1, allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_INDEX_FILE', ...PASSED_ON]}).env({
		...environment,
		GIT_TERMINAL_PROMPT: '0',
		...extra,
	});
}
