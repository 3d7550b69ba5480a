// @types/jsdom is not installed; this is the one constructor the Mermaid parser helper uses.
declare module 'jsdom' {
	export class JSDOM {
		constructor(html?: string, options?: {pretendToBeVisual?: boolean});
		readonly window: Window & typeof globalThis;
	}
}
