import {SETTING_KEYS, SettingsError, SettingsWriteError, isSettingKey} from '../config/settings.js';
import {UserError, environmentErrorFrom} from '../commands/command-errors.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';

export function configCommand(setup: CliSetup, args: string[]): void {
	const [action, key, ...rest] = args;
	if (action === undefined) {
		print(`# ${setup.store.path}`);
		for (const name of SETTING_KEYS) print(`${name}=${shown(setup.settings[name])}${setup.store.stored(name) === undefined ? '  (default)' : ''}`);
		return;
	}
	if (key === undefined || !isSettingKey(key)) {
		throw new UserError(`name a setting: incident-tui config ${action} KEY; settings are ${SETTING_KEYS.join(', ')}`);
	}
	if (action === 'get') {
		print(shown(setup.settings[key]));
		return;
	}
	if (action === 'set') {
		if (rest.length === 0) throw new UserError(`give a value: incident-tui config set ${key} VALUE`);
		try {
			setup.store.set(key, rest.join(' '));
		} catch (error) {
			if (error instanceof SettingsError) throw new UserError(error.message);
			if (error instanceof SettingsWriteError) {
				throw environmentErrorFrom(error.cause, error.message, {consequence: `nothing changed, ${key} is still ${setup.settings[key]}`, showPath: false});
			}
			throw error;
		}
		print(`${key}=${rest.join(' ')}`);
		return;
	}
	throw new UserError(`"${action}" is not a config action; use get or set`);
}

/** A list setting as `config set` takes it back: a JSON array. */
function shown(value: unknown): string {
	return Array.isArray(value) ? JSON.stringify(value) : String(value);
}
