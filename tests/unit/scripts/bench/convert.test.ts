import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	categoryFromPath,
	convertSource,
	LAST_UPDATE,
	severityOf,
	updatedFrom,
} from '../../../../scripts/lib/bench/convert.ts';
import { planKb, renderKbEntry } from '../../../../scripts/lib/bench/plan.ts';
import { checkKbSections } from '../../../../src/lib/content-rules.ts';
import { splitFrontmatter } from '../../../../src/lib/frontmatter.ts';
import { KbSchema } from '../../../../src/schemas/kb.ts';
import { mdxError } from './mdx.ts';

const SOURCE = `---
title: Outlook can't connect to Exchange after you change the password
description: Describes an issue in which Outlook repeatedly prompts for credentials after a password change in Microsoft 365. Provides a workaround.
ms.author: someone
ms.custom:
  - sap:Connectivity\\Can't connect
  - CSSTroubleshoot
ms.date: 06/15/2024
---

# Outlook can't connect to Exchange after you change the password

## Symptoms

Outlook prompts for a password, and shows <b>Disconnected</b>.

:::image type="content" source="media/prompt.png" alt-text="The prompt.":::

## Cause

Cached credentials in {Credential Manager}.

## Resolution

1. Open **Credential Manager**.
2. Remove entries that start with \`MicrosoftOffice16_Data:\`.

## More information

See [Credential Manager](../credential-manager.md).
`;

describe('convertSource', () => {
	const draft = convertSource({
		path: 'Outlook/Client/connectivity/password-prompt.md',
		text: SOURCE,
	})!;

	it('derives frontmatter from the source and its folders', () => {
		expect(draft).toMatchObject({
			title: "Outlook can't connect to Exchange after you change the password",
			summary:
				'Describes an issue in which Outlook repeatedly prompts for credentials after a password change in Microsoft 365. Provides a workaround.',
			severity: 'high',
			category: 'outlook-client',
			tags: ['outlook', 'connectivity'],
		});
		expect(draft.updated.startsWith('2026-')).toBe(true);
		expect(draft.updated <= LAST_UPDATE).toBe(true);
	});

	it('writes a body with the four sections that MDX compiles', async () => {
		expect(checkKbSections(draft.body)).toBeNull();
		expect(draft.body).toContain(
			'## Root cause\n\nCached credentials in \\{Credential Manager\\}.',
		);
		expect(draft.body).toContain('shows **Disconnected**.');
		expect(draft.body).not.toContain(':::image');
		expect(draft.body).toContain('See Credential Manager.');
		expect(await mdxError(draft.body)).toBeNull();
	});

	it('yields frontmatter the KB schema accepts once planned and rendered', () => {
		const [kb] = planKb([draft], 1, 1);
		const { data, body } = splitFrontmatter(renderKbEntry(kb!));
		const parsed = KbSchema.safeParse(data);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(checkKbSections(body)).toBeNull();
	});

	it('cuts a long description to a summary of at most 200 characters', () => {
		const long = SOURCE.replace(/^description: .*$/m, `description: ${'word '.repeat(80)}`);
		const d = convertSource({ path: 'Teams/meetings/x.md', text: long })!;
		expect(d.summary.length).toBeLessThanOrEqual(200);
		expect(d.summary.endsWith('…')).toBe(true);
	});
});

describe('frontmatter helpers', () => {
	it('names categories after the product folders', () => {
		expect(categoryFromPath('Exchange/ExchangeOnline/mail-flow/a.md')).toBe('exchange-online');
		expect(categoryFromPath('SkypeforBusiness/SkypeServer/x/a.md')).toBe('skype-server');
		expect(categoryFromPath('Microsoft365/admin/a.md')).toBe('microsoft-365-admin');
		expect(categoryFromPath('SharePoint/OneDrive/a.md')).toBe('sharepoint-onedrive');
		expect(categoryFromPath('Teams/teams-on-linux/a.md')).toBe('teams-on-linux');
	});

	it('rates severity from the wording', () => {
		expect(severityOf('Mailbox data loss after migration')).toBe('critical');
		expect(severityOf("Users can't sign in")).toBe('high');
		expect(severityOf('How to change the display name')).toBe('low');
		expect(severityOf('Calendar shows two time zones')).toBe('medium');
	});

	it('moves source dates into 2026, never after the project date', () => {
		expect(updatedFrom('01/01/2023', 0)).toBe('2026-01-01');
		expect(updatedFrom('12/31/2024', 0)).toBe(LAST_UPDATE);
		expect(updatedFrom(undefined, 12)).toMatch(/^2026-\d\d-\d\d$/);
	});
});

const CORPUS = '../shared/data/kb/ms-officedocs-support';
const hasCorpus = existsSync(CORPUS);

// Articles that exercise the hard cases: details/summary HTML, URLs with <placeholders>, a code
// fence with a fence-like line inside, SOAP XML in prose.
const HARD = [
	'SharePoint/SharePointOnline/administration/error-404-onedrive-sharepoint.md',
	'Exchange/ExchangeHybrid/move-mailboxes/remote-server-returned-error-403-forbidden.md',
	'Microsoft365/enterprise/miscellaneous/cannot-find-any-clip art.md',
	'Outlook/Client/calendaring/Resolve-free-busy-errors.md',
];

function corpusFiles(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((n) => {
			const p = join(dir, n);
			if (statSync(p).isDirectory()) return n === 'includes' ? [] : corpusFiles(p);
			return n.endsWith('.md') ? [p] : [];
		});
}

describe.skipIf(!hasCorpus)(`real corpus articles (skipped when ${CORPUS} is absent)`, () => {
	it('converts hard cases and a spread of articles into valid KB articles that MDX compiles', async () => {
		const all = corpusFiles(CORPUS).map((f) => relative(CORPUS, f).split(sep).join('/'));
		const chosen = [...HARD.filter((p) => all.includes(p)), ...all.filter((_, i) => i % 250 === 0)];
		expect(chosen.length).toBeGreaterThan(8);
		const drafts = chosen.map((path) =>
			convertSource({ path, text: readFileSync(join(CORPUS, path), 'utf8') })!,
		);
		for (const [i, kb] of planKb(drafts, drafts.length, 1).entries()) {
			const { data, body } = splitFrontmatter(renderKbEntry(kb));
			const parsed = KbSchema.safeParse(data);
			expect(parsed.success, `${chosen[i]}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
			expect(checkKbSections(body), chosen[i]).toBeNull();
			expect(await mdxError(body), chosen[i]).toBeNull();
			expect(body, chosen[i]).not.toMatch(/:::image|\[!INCLUDE|\[!NOTE\]|<!--|ms\.author/);
		}
	});
});
