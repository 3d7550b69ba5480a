// conf imports ajv (JSON-schema validation) and semver (migrations) at the top,
// but uses them only when given `schema` or `migrations`, which incident-tui
// never passes (settings are validated with zod). Bundling them costs ~170 KB
// on every start, so the bundle gets this instead; using it fails loudly.
const unused = () => {
	throw new Error('conf was given a schema or migrations: bundle ajv and semver again (see build.mjs)');
};
export class Ajv2020 {
	constructor() {
		unused();
	}
}
export default unused;
export const eq = unused;
export const clean = unused;
export const satisfies = unused;
export const lte = unused;
export const gt = unused;
