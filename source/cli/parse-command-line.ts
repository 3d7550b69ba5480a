import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UserError} from '../commands/command-errors.js';
import {FLAGS, findCommand, flagSpecOf, flagsOf, type CommandSpec, type FlagName, type Flags} from './commands-table.js';
import {unknownCommandMessage} from './help-text.js';

export type CommandLine =
	| {action: 'help'; command?: string}
	| {action: 'version'}
	| {action: 'run'; command?: string; args: string[]; flags: Flags};

function parseOptions(command: CommandSpec | undefined): NonNullable<ParseArgsConfig['options']> {
	return Object.fromEntries(
		(Object.keys(FLAGS) as FlagName[]).map(name => {
			const spec = flagSpecOf(command, name);
			return [name, spec.short ? {type: spec.type, short: spec.short} : {type: spec.type}];
		}),
	);
}

const SHARED_OPTIONS = parseOptions(undefined);

const tokensOf = (argv: readonly string[], command: CommandSpec | undefined) =>
	parseArgs({args: [...argv], options: command?.ownFlags ? parseOptions(command) : SHARED_OPTIONS, strict: false, allowPositionals: true, tokens: true}).tokens;

/**
 * `util.parseArgs` in its lenient mode, so that every mistake gets our own
 * one-line message (which option, which command, what to do) instead of
 * Node's; the flags each command takes come from the commands table.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
	const shared = tokensOf(argv, undefined);
	const commandName = shared.find(token => token.kind === 'positional')?.value;
	const command = commandName === undefined ? undefined : findCommand(commandName);
	// Read again with the command's own flags: `listen --open 2` takes a value where `actions --open` takes none.
	const tokens = command?.ownFlags ? tokensOf(argv, command) : shared;
	const args = tokens.flatMap(token => (token.kind === 'positional' ? [token.value] : [])).slice(1);
	const options = tokens.flatMap(token => (token.kind === 'option' ? [token] : []));
	const helpHint = `see incident-tui ${command ? `${command.name} ` : ''}--help`;

	if (commandName !== undefined && !command) throw new UserError(unknownCommandMessage(commandName), 'see incident-tui --help');
	for (const option of options) {
		const raw = argv[option.index]!;
		// A word like "-5 pods" or "-hotfix" arrives as one token per letter: it is text, not -h.
		const whole = raw === option.rawName || raw.startsWith(`${option.rawName}=`);
		if (whole && Object.hasOwn(FLAGS, option.name)) continue;
		if (raw.startsWith('--')) throw new UserError(`unknown option ${option.rawName}`, helpHint);
		throw new UserError(`unknown option ${raw}`, `${helpHint}; text starting with - goes after --: incident-tui ${command?.name ?? 'log'} -- "${raw}"`);
	}
	if (options.some(option => option.name === 'help')) return {action: 'help', command: command?.name};
	if (options.some(option => option.name === 'version')) return {action: 'version'};

	const accepted = new Set<string>(flagsOf(command));
	const flags: Record<string, string | string[] | boolean> = {};
	for (const option of options) {
		const name = option.name as FlagName;
		if (!accepted.has(name)) throw new UserError(`${command?.name ?? 'the live screen'} does not take --${name}`, helpHint);
		const spec = flagSpecOf(command, name);
		if (spec.type === 'boolean') {
			if (option.value !== undefined) throw new UserError(`--${name} takes no value`, helpHint);
			flags[name] = true;
			continue;
		}
		// Lenient parsing would take the next option as the value: `--sev --json`.
		// A dash and a digit is no option of ours but a value: `--at -5m`.
		if (option.value === undefined || (!option.inlineValue && option.value.startsWith('-') && !/^-\d/.test(option.value))) {
			const hint = option.value === undefined ? helpHint : `for a value starting with -, write --${name}=${option.value}`;
			throw new UserError(`--${name} needs a value: --${name} ${spec.placeholder ?? 'VALUE'}`, hint);
		}
		flags[name] = spec.multiple ? [...((flags[name] as string[] | undefined) ?? []), option.value] : option.value;
	}
	return {action: 'run', command: command?.name, args, flags: flags as Flags};
}
