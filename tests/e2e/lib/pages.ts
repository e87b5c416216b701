// The site's pages as a static host serves them: the same reading as the link check's.
export { builtPages } from '../../../scripts/lib/built-site.ts';

/** One page of each kind, for checks too slow to run on every page. */
export const REPRESENTATIVE_PAGES = [
	'/',
	'/kb/',
	'/kb/KB-0026/',
	'/kb/KB-0030/',
	'/faq/',
	'/faq/webhooks/',
	'/runbooks/',
	'/runbooks/RB-001/',
	'/templates/',
	'/templates/TPL-001/',
	'/support/',
	'/support/tiers/',
	'/support/priorities/',
	'/support/escalation/',
	'/categories/webhooks/',
	'/tags/',
	'/search/',
	'/404.html',
];
