// Prints the site's public URL; exits 1 when it is not configured, so a deploy can refuse a build
// whose canonical URLs and sitemap would point to localhost.
import { PUBLIC_URL_UNSET } from '../src/lib/site-settings.ts';
import { siteConfig } from '../src/site-config.ts';

if (process.argv.length > 2) {
	console.error('usage: npm run site-url   (prints the public URL; exit 1 when it is unset)');
	process.exit(2);
}
if (!siteConfig.publicUrlSet) {
	console.error(PUBLIC_URL_UNSET);
	process.exit(1);
}
console.log(siteConfig.origin);
