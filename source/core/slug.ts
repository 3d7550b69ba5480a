import slugify from '@sindresorhus/slugify';

// The slug is the only part of a title that ever reaches a file name, so it is
// the whole defence against a title escaping the incidents directory. Its own
// module: transliteration tables cost ~12 ms to load, and only reports need it.

export const MAX_SLUG_LENGTH = 60;
const FALLBACK_SLUG = 'incident';

/** Lower-case ASCII `[a-z0-9-]`, at most 60 characters, never empty. */
export function slugFromTitle(title: string): string {
	const slug = slugify(title, {lowercase: true, decamelize: false});
	const cut = slug.length > MAX_SLUG_LENGTH ? cutAtDash(slug.slice(0, MAX_SLUG_LENGTH)) : slug;
	const safe = cut.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, '');
	return safe.length > 0 ? safe : FALLBACK_SLUG;
}

function cutAtDash(slug: string): string {
	const lastDash = slug.lastIndexOf('-');
	return lastDash > MAX_SLUG_LENGTH / 2 ? slug.slice(0, lastDash) : slug;
}

