import {execFileSync} from 'node:child_process';
import {userInfo} from 'node:os';

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
