import {Text as InkText, type TextProps} from 'ink';
import {Children, Fragment, isValidElement, type ReactNode} from 'react';
import {displaySafe} from '../../core/display-safe.js';

// The one way the app puts text on the terminal. Much of what is drawn comes
// from files and remotes (the runbook, templates, settings, journals synced
// from others), and a call site that forgets to sanitise lets that text
// retitle the window, write the clipboard or move the cursor. So every string
// is made display-safe here, trusted literals included (it changes nothing in
// them), and Ink's own Text is imported nowhere else: test/ui/safe-text.test.ts
// fails the build for any other import of it.

function safeChildren(children: ReactNode): ReactNode {
	return Children.map(children, child => {
		if (typeof child === 'string') return displaySafe(child);
		// Children.map does not look inside fragments; a string there would slip by.
		if (isValidElement<{children?: ReactNode}>(child) && child.type === Fragment) return safeChildren(child.props.children);
		return child;
	});
}

export function Text({children, 'aria-label': ariaLabel, ...props}: TextProps) {
	return (
		<InkText {...props} aria-label={ariaLabel === undefined ? undefined : displaySafe(ariaLabel)}>
			{safeChildren(children)}
		</InkText>
	);
}
