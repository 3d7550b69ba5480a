import Conf from 'conf';
import * as z from 'zod/mini';
import {handleSchema} from '../core/events.js';
import {DEFAULT_SECRET_PATTERNS, secretPatternProblem} from '../core/secret-mask.js';

// Settings live in conf's file (~/.config/incident-tui-nodejs/config.json on
// Linux). INCIDENT_TUI_CONFIG_DIR moves it, which is how the tests keep away
// from the real home directory.

/**
 * A list setting: stored as an array; `config set` takes a JSON array
 * (`'["a","b"]'`) or one value, which becomes a list of one.
 */
function listSetting(itemProblem: (item: string) => string | undefined) {
	return z.pipe(
		z.transform((raw: unknown) => {
			if (typeof raw !== 'string') return raw;
			if (!raw.trimStart().startsWith('[')) return [raw];
			try {
				return JSON.parse(raw) as unknown;
			} catch {
				return raw;
			}
		}),
		z.array(z.string()).check(
			z.check(context => {
				for (const item of context.value) {
					const problem = itemProblem(item);
					if (problem) context.issues.push({code: 'custom', message: `${JSON.stringify(item)}: ${problem}`, input: context.value});
				}
			}),
		),
	);
}

const settingsSchema = {
	handle: handleSchema,
	incidentsDir: z.string().check(z.minLength(1)),
	template: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a template name is lower-case letters, digits and dashes')),
	remote: z.string().check(z.minLength(1)),
	autoSync: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(86_400)),
	/** Hours in command before the header suggests a hand-over; 0 never. */
	handoverHours: z.coerce.number().check(z.minimum(0), z.maximum(72)),
	/** Seconds git may wait for the remote (fetch, push and its pre-push hook) before it is stopped. */
	gitNetworkTimeout: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3600)),
	/** Seconds any other git command may take (commit hooks and signing included). */
	gitHookTimeout: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3600)),
	/** Regular expressions (case-insensitive) whose matches `run` masks before writing anything. */
	secretPatterns: listSetting(secretPatternProblem),
	/** The service repositories `changes` reads; empty: the current one. */
	changeRepos: listSetting(path => (path.trim() === '' ? 'an empty path' : undefined)),
};

export type SettingKey = keyof typeof settingsSchema;
export type Settings = {[K in SettingKey]: z.infer<(typeof settingsSchema)[K]>};
export const SETTING_KEYS = Object.keys(settingsSchema) as SettingKey[];

const DEFAULTS: Omit<Settings, 'handle'> = {
	incidentsDir: 'docs',
	template: 'incident-report',
	remote: 'origin',
	autoSync: 0,
	handoverHours: 3,
	gitNetworkTimeout: 30,
	gitHookTimeout: 120,
	secretPatterns: [...DEFAULT_SECRET_PATTERNS],
	changeRepos: [],
};

export class SettingsError extends Error {
	override name = 'SettingsError';
}

/** The value was fine but the file could not be written (read-only, full, no permission): nothing changed. */
export class SettingsWriteError extends Error {
	override name = 'SettingsWriteError';
	constructor(
		message: string,
		override readonly cause: unknown,
	) {
		super(message);
	}
}

export interface SettingsStore {
	/** Where the file is, for `config` and for error messages. */
	path: string;
	/** Set when the file could not be read: defaults are in use and nothing is written over it. */
	problem?: string;
	/** The stored value, or undefined when the default applies. */
	stored<K extends SettingKey>(key: K): Settings[K] | undefined;
	set(key: string, rawValue: string): void;
}

export function openSettings(configDir = process.env['INCIDENT_TUI_CONFIG_DIR']): SettingsStore {
	const options = configDir ? {cwd: configDir, projectName: 'incident-tui'} : {projectName: 'incident-tui'};
	let conf: Conf<Record<string, unknown>>;
	try {
		conf = new Conf<Record<string, unknown>>(options);
	} catch (error) {
		return brokenStore(configDir, error);
	}
	// conf reads and parses its file again on every get: one read serves every setting.
	const values: Record<string, unknown> = conf.store;
	return {
		path: conf.path,
		stored(key) {
			const value = values[key];
			// No schema takes undefined, and an unset setting need not wake zod.
			if (value === undefined) return undefined;
			const result = settingsSchema[key].safeParse(value);
			return result.success ? (result.data as Settings[typeof key]) : undefined;
		},
		set(key, rawValue) {
			if (!isSettingKey(key)) throw new SettingsError(`unknown setting "${key}"; settings are ${SETTING_KEYS.join(', ')}`);
			const result = settingsSchema[key].safeParse(rawValue);
			if (!result.success) throw new SettingsError(`${key}: ${result.error.issues[0]?.message ?? 'invalid value'}`);
			try {
				conf.set(key, result.data);
				values[key] = result.data;
			} catch (error) {
				throw new SettingsWriteError(`could not write the settings file ${conf.path}`, error);
			}
		},
	};
}

export function isSettingKey(key: string): key is SettingKey {
	return (SETTING_KEYS as string[]).includes(key);
}

/** Every setting with its default applied; `handle` comes from `defaultHandle` when unset. */
export function resolveSettings(store: SettingsStore, defaultHandle: () => string): Settings {
	return {
		handle: store.stored('handle') ?? defaultHandle(),
		incidentsDir: store.stored('incidentsDir') ?? DEFAULTS.incidentsDir,
		template: store.stored('template') ?? DEFAULTS.template,
		remote: store.stored('remote') ?? DEFAULTS.remote,
		autoSync: store.stored('autoSync') ?? DEFAULTS.autoSync,
		handoverHours: store.stored('handoverHours') ?? DEFAULTS.handoverHours,
		gitNetworkTimeout: store.stored('gitNetworkTimeout') ?? DEFAULTS.gitNetworkTimeout,
		gitHookTimeout: store.stored('gitHookTimeout') ?? DEFAULTS.gitHookTimeout,
		secretPatterns: store.stored('secretPatterns') ?? DEFAULTS.secretPatterns,
		changeRepos: store.stored('changeRepos') ?? DEFAULTS.changeRepos,
	};
}

/** The settings' git time limits, as sync and publish take them. */
export function gitTimeoutsOf(settings: Settings): {networkSeconds: number; localSeconds: number} {
	return {networkSeconds: settings.gitNetworkTimeout, localSeconds: settings.gitHookTimeout};
}

function brokenStore(configDir: string | undefined, error: unknown): SettingsStore {
	const path = configDir ?? 'the incident-tui config file';
	const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
	if ((error as NodeJS.ErrnoException).syscall === 'mkdir') {
		// A directory that cannot be made (read-only file system) is no broken file: nothing to fix or delete.
		const dir = (error as NodeJS.ErrnoException).path ?? path;
		return {
			path,
			problem: `the settings directory ${dir} could not be created (${reason}); using defaults`,
			stored: () => undefined,
			set() {
				throw new SettingsWriteError(`could not create the settings directory ${dir}`, error);
			},
		};
	}
	return {
		path,
		problem: `settings in ${path} could not be read (${reason}); using defaults`,
		stored: () => undefined,
		set() {
			throw new SettingsError(`settings in ${path} could not be read (${reason}); fix or delete that file first`);
		},
	};
}
