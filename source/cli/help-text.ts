import {COMMANDS, GLOBAL_FLAGS, commandNames, flagSpecOf, flagsOf, type CommandSpec, type FlagName} from './commands-table.js';

const USAGE_WIDTH = 40;

function flagLine(name: FlagName, command?: CommandSpec): string {
	const spec = flagSpecOf(command, name);
	const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
	return `  ${flag.padEnd(18)} ${spec.description}`;
}

function usageLine(usage: string, summary: string): string[] {
	const left = `  incident-tui ${usage}`;
	return left.length <= USAGE_WIDTH - 2 ? [`${left.padEnd(USAGE_WIDTH)}${summary}`] : [left, `${' '.repeat(USAGE_WIDTH)}${summary}`];
}

export function topLevelHelp(): string {
	return [
		'Usage',
		...usageLine('', 'start a new incident or resume the open one (live screen)'),
		...COMMANDS.flatMap(command => usageLine(command.usage, command.summary)),
		'',
		'Options for every command',
		...GLOBAL_FLAGS.map(name => flagLine(name)),
		'',
		'incident-tui help COMMAND (or COMMAND --help) shows its options and examples.',
		'Exit codes: 0 done, 1 your input, 2 the environment (files, disk, git).',
		'',
	].join('\n');
}

export function commandHelp(command: CommandSpec): string {
	return [
		`Usage: incident-tui ${command.usage}`,
		'',
		`${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
		...(command.details ?? []),
		'',
		'Options',
		...flagsOf(command)
			.filter(name => name !== 'help' && name !== 'version')
			.map(name => flagLine(name, command)),
		'',
		'Examples',
		...command.examples.map(example => `  ${example}`),
		'',
	].join('\n');
}

export function unknownCommandMessage(name: string): string {
	return `unknown command "${name}"; commands are ${commandNames().join(', ')}`;
}
