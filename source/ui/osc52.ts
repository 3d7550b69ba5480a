/** OSC 52: asks the terminal (and tmux, and SSH clients) to put `text` on the clipboard. */
export function osc52(text: string): string {
	return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
