import {createRequire} from 'node:module';
import {userInfo} from 'node:os';

// node:child_process (with node:net under it) takes 2-3 ms to load: it is
// loaded only when no handle is set, not on every `log`.
const require = createRequire(import.meta.url);

/** git's user.name, else the login name, made into a handle: `Alice Smith` → `alice-smith`. */
export function defaultHandle(): string {
	return toHandle(gitUserName()) ?? toHandle(process.env['USER']) ?? toHandle(loginName()) ?? 'responder';
}

export function toHandle(name: string | undefined): string | undefined {
	if (!name) return undefined;
	const handle = name
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[^a-z0-9]+|[-.]+$/g, '')
		.slice(0, 40);
	return handle.length > 0 ? handle : undefined;
}

function gitUserName(): string | undefined {
	try {
		const {execFileSync} = require('node:child_process') as typeof import('node:child_process');
		return execFileSync('git', ['config', 'user.name'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000});
	} catch {
		return undefined;
	}
}

function loginName(): string | undefined {
	try {
		return userInfo().username;
	} catch {
		return undefined;
	}
}
