// Focus and selection must show without colour (NO_COLOR, a monochrome
// terminal, a screen reader's transcript): inverse and colour are extras on
// top of these characters, never the only sign.

/** Before the selected row of the focused pane. */
export const SELECTED_MARK = '›';

/** The focused pane's title says so in words as well as in colour. */
export function paneTitle(title: string, focused: boolean): string {
	return focused ? `▶ ${title}` : `  ${title}`;
}
