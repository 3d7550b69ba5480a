import {COMMANDS, FLAGS, GLOBAL_FLAGS, commandNames, flagsOf, type FlagName, type ValueSource} from './commands-table.js';

// Shell completion, generated from the commands table. Commands and flags are
// written into the script; incident IDs and template names change, so the
// script asks `incident-tui completion ids|templates` when TAB is pressed.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];
const STRING_FLAGS = FLAG_NAMES.filter(name => FLAGS[name].type === 'string');
const longFlags = (names: readonly FlagName[]) => names.map(name => `--${name}`).join(' ');
const shellWords = (words: readonly string[]) => words.join(' ');

/** The bash lines that fill COMPREPLY with one kind of value for the word "$cur". */
function bashValues(source: ValueSource | undefined): string {
	if (source === undefined) return 'COMPREPLY=()';
	if (typeof source !== 'string') return `COMPREPLY=($(compgen -W "${shellWords(source)}" -- "$cur"))`;
	switch (source) {
		case 'commands':
			return `COMPREPLY=($(compgen -W "${shellWords(commandNames())}" -- "$cur"))`;
		case 'incidents':
			return '_incident_tui_ask ids';
		case 'templates':
			return '_incident_tui_ask templates';
		case 'files':
			return '_incident_tui_paths -f';
		case 'directories':
			return '_incident_tui_paths -d';
	}
}

function bashScript(): string {
	const flagValueCases = STRING_FLAGS.map(name => `\t\t--${name}) ${bashValues(FLAGS[name].values)}; return ;;`);
	const commandFlagCases = COMMANDS.map(command => `\t\t\t${command.name}) flags="${longFlags(flagsOf(command))}" ;;`);
	const argumentCases = COMMANDS.filter(command => command.args).map(command => {
		const positions = command.args!.map((source, position) => `${position}) ${bashValues(source)} ;;`).join(' ');
		return `\t\t${command.name}) case $position in ${positions} esac ;;`;
	});
	return `# incident-tui completion for bash. Load it with: source <(incident-tui completion bash)
# (zsh loads this same function through bashcompinit: incident-tui completion zsh)

# Both helpers see the caller's locals $cur and $dir (bash scoping is dynamic).
_incident_tui_ask() {
	# Incident IDs and template names as they are now, in the repository (and --dir) being typed for.
	COMPREPLY=($(compgen -W "$(incident-tui completion "$1" \${dir:+--dir "$dir"} 2>/dev/null)" -- "$cur"))
}

_incident_tui_paths() {
	type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY=($(compgen "$1" -- "$cur"))
}

_incident_tui() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
	local command="" dir="" position=0 i word
	# The command is the first word that is neither an option nor an option's value.
	for ((i = 1; i < COMP_CWORD; i++)); do
		word="\${COMP_WORDS[i]}"
		case "$word" in
			--dir) dir="\${COMP_WORDS[i+1]}"; ((i++)) ;;
			${STRING_FLAGS.filter(name => name !== 'dir')
				.map(name => `--${name}`)
				.join('|')}) ((i++)) ;;
			--) ;;
			-*) ;;
			*) if [[ -z "$command" ]]; then command="$word"; else ((position++)); fi ;;
		esac
	done

	case "$prev" in
${flagValueCases.join('\n')}
	esac

	if [[ "$cur" == -* ]]; then
		local flags="${longFlags(GLOBAL_FLAGS)}"
		case "$command" in
${commandFlagCases.join('\n')}
		esac
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
		return
	fi

	if [[ -z "$command" ]]; then
		${bashValues('commands')}
		return
	fi
	case "$command" in
${argumentCases.join('\n')}
	esac
}

complete -F _incident_tui incident-tui
`;
}

function zshScript(): string {
	return `# incident-tui completion for zsh. Load it with: source <(incident-tui completion zsh)
# (after compinit in ~/.zshrc). It is the bash completion, run by zsh's bashcompinit.

autoload -U +X bashcompinit && bashcompinit
${bashScript()}`;
}

const fishQuote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function fishValues(source: ValueSource | undefined): string {
	if (source === undefined) return '';
	if (typeof source !== 'string') return ` -a ${fishQuote(shellWords(source))}`;
	switch (source) {
		case 'commands':
			return ` -a ${fishQuote(shellWords(commandNames()))}`;
		case 'incidents':
			return " -a '(incident-tui completion ids 2>/dev/null)'";
		case 'templates':
			return " -a '(incident-tui completion templates 2>/dev/null)'";
		case 'files':
			return ' -F';
		case 'directories':
			return " -a '(__fish_complete_directories)'";
	}
}

function fishFlag(name: FlagName, condition: string): string {
	const spec = FLAGS[name];
	const short = spec.short ? ` -s ${spec.short}` : '';
	const value = spec.type === 'string' ? ` -r${fishValues(spec.values)}` : '';
	return `complete -c incident-tui -n ${fishQuote(condition)} -l ${name}${short}${value} -d ${fishQuote(spec.description)}`;
}

function fishScript(): string {
	const lines = ['# incident-tui completion for fish. Load it with: incident-tui completion fish | source', 'complete -c incident-tui -f'];
	for (const command of COMMANDS) {
		lines.push(`complete -c incident-tui -n '__fish_use_subcommand' -a ${command.name} -d ${fishQuote(command.summary)}`);
	}
	lines.push(...GLOBAL_FLAGS.map(name => fishFlag(name, 'true')));
	for (const command of COMMANDS) {
		const inCommand = `__fish_seen_subcommand_from ${command.name}`;
		lines.push(...command.flags.map(name => fishFlag(name, inCommand)));
		// Fish has no word positions here: offer the first argument's values until one is given.
		const first = command.args?.[0];
		if (first) lines.push(`complete -c incident-tui -n ${fishQuote(`${inCommand}; and test (count (commandline -opc)) -eq 2`)}${fishValues(first)}`);
		const second = command.args?.[1];
		if (second) lines.push(`complete -c incident-tui -n ${fishQuote(`${inCommand}; and test (count (commandline -opc)) -eq 3`)}${fishValues(second)}`);
	}
	return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell): string {
	return shell === 'bash' ? bashScript() : shell === 'zsh' ? zshScript() : fishScript();
}
