// User text escaped for where it lands in a Markdown report. No raw HTML or
// HTML comment from user text survives (`<` and `>` become entities), Markdown
// punctuation is backslash-escaped so a title cannot become a link, a heading
// or a table, and control characters are made visible. Colours pasted from a
// terminal (SGR sequences) carry no text: they are dropped whole.

const COLOUR = /\u001b\[[0-9;]*m/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const PUNCTUATION = /[\\`*_[\]|~#]/g;

function visibleControls(text: string): string {
	return text
		.replace(COLOUR, '')
		.replace(CONTROL, c => {
			const code = c.charCodeAt(0);
			return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : `\\x${code.toString(16)}`;
		})
		.replace(BIDI_CONTROL, c => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/**
 * GFM links bare `https://…`, `www.…` and `name@domain` with no brackets at
 * all. A backslash before the `/`, `.` or `@` that starts the match stops it
 * (in marked and in GitHub's renderer alike) and still renders the same text.
 */
function breakAutolinks(line: string): string {
	return line
		.replace(/:\/\//g, ':\\//')
		.replace(/www\./gi, match => `${match.slice(0, 3)}\\.`)
		.replace(/(?<=[\w.+-])@/g, '\\@');
}

/**
 * Any character or sequence one of the replacements below acts on. Most lines
 * hold none: they skip a dozen regex passes, which a report of 100,000
 * timeline rows otherwise spends most of its escaping time on.
 */
const NEEDS_ESCAPING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069&<>\\`*_[\]|~#@]|:\/\/|www\./i;

function escapeLine(line: string): string {
	if (!NEEDS_ESCAPING.test(line)) return line;
	return breakAutolinks(
		visibleControls(line)
			.replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(PUNCTUATION, c => `\\${c}`),
	);
}

/** Inside a sentence, a list item or a heading: one line. */
export function escapeInline(text: string): string {
	return escapeLine(text.replace(/\r\n?|\n/g, ' ').trim());
}

/** A table cell: one line, pipes escaped, line breaks kept as <br>. */
export function escapeCell(text: string): string {
	const trimmed = text.trim();
	// Most cells are one line: no array to split into and join again.
	if (!/\r|\n/.test(trimmed)) return escapeLine(trimmed);
	return trimmed.split(/\r\n?|\n/).map(escapeLine).join('<br>');
}

/** A paragraph that may span lines: each line escaped, none can start a list, quote or heading. */
export function escapeBlock(text: string): string {
	return text
		.trim()
		.split(/\r\n?|\n/)
		.map(line => escapeLine(line).replace(/^(\s*)([-+=]|\d+[.)])/, '$1\\$2'))
		.join('  \n');
}

/**
 * An inline code span that holds any text, backticks included. Text with
 * angle brackets is escaped inline instead: entities do not work inside code,
 * and "<!--" must not appear in the report even as code.
 */
export function escapeCode(text: string): string {
	if (/[<>]/.test(text)) return escapeInline(text);
	const content = visibleControls(text.replace(/\r\n?|\n/g, ' '));
	const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(longestRun + 1);
	const padded = content.startsWith('`') || content.endsWith('`') ? ` ${content} ` : content;
	return `${fence}${padded}${fence}`;
}
