import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, resolveSiteSettings } from '../../../src/lib/site-settings.ts';

const FILE = { name: 'Acme Help', logo: 'public/logo.svg', accent: '#0b5cad', url: '' };

describe('resolveSiteSettings', () => {
	it('falls back to localhost and says the public URL is unset', () => {
		const s = resolveSiteSettings(FILE, {});
		expect(s.origin).toBe(LOCAL_ORIGIN);
		expect(s.publicUrlSet).toBe(false);
		expect(s.logoUrl).toBe('/logo.svg');
	});

	it('takes the URL from the file, and TIERZERO_SITE over the file, without a trailing slash', () => {
		expect(resolveSiteSettings({ ...FILE, url: 'https://help.acme.test/' }, {}).origin).toBe('https://help.acme.test');
		const s = resolveSiteSettings({ ...FILE, url: 'https://help.acme.test' }, { TIERZERO_SITE: 'https://docs.acme.test' });
		expect(s).toMatchObject({ origin: 'https://docs.acme.test', publicUrlSet: true });
		expect(resolveSiteSettings(FILE, { TIERZERO_SITE: ' ' }).publicUrlSet).toBe(false);
	});

	it('names the field of each mistake', () => {
		expect(() => resolveSiteSettings({ ...FILE, url: 'help.acme.test' }, {})).toThrow(
			'site.config.ts: url: "help.acme.test" is not a URL',
		);
		expect(() => resolveSiteSettings(FILE, { TIERZERO_SITE: 'ftp://x.test' })).toThrow('site.config.ts: TIERZERO_SITE: "ftp://x.test" must start with https://');
		expect(() => resolveSiteSettings({ ...FILE, accent: 'blue' }, {})).toThrow('site.config.ts: accent: "blue" is not a colour');
		expect(() => resolveSiteSettings({ ...FILE, logo: 'logo.png' }, {})).toThrow('site.config.ts: logo:');
		expect(() => resolveSiteSettings({ ...FILE, name: ' ' }, {})).toThrow('site.config.ts: name:');
	});
});
