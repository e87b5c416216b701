import { describe, expect, it } from 'vitest';
import { replyText, type ReplyNode } from '../../../src/lib/reply-text.ts';

const t = (text: string): ReplyNode => ({ nodeType: 3, nodeName: '#text', textContent: text, childNodes: [] });
const el = (name: string, children: ReplyNode[], attrs: Record<string, string> = {}): ReplyNode => ({
	nodeType: 1,
	nodeName: name,
	textContent: null,
	childNodes: children,
	getAttribute: (n) => attrs[n] ?? null,
});

describe('replyText', () => {
	it('drops marks, puts list items on lines, and writes links with their URL', () => {
		const root = el('DIV', [
			el('P', [t('Hi Dana,')]),
			el('P', [el('STRONG', [t('Fixed')]), t(' in '), el('CODE', [t('1.1.0')]), t('. See '), el('A', [t('the article')], { href: 'https://help.example/kb/KB-0026/?src=agent' }), t('.')]),
			el('OL', [el('LI', [t('Update')]), el('LI', [t('Restart '), el('EM', [t('twice')])])]),
			el('UL', [el('LI', [t('one')]), el('LI', [t('two')])]),
			el('P', [t('Best,'), el('BR', []), t('Sam')]),
		]);
		expect(replyText(root)).toBe(
			'Hi Dana,\n\nFixed in 1.1.0. See the article (https://help.example/kb/KB-0026/?src=agent).\n\n1. Update\n2. Restart twice\n\n- one\n- two\n\nBest,\nSam',
		);
	});

	it('keeps a link whose text is its URL once', () => {
		expect(replyText(el('P', [el('A', [t('https://x.example/')], { href: 'https://x.example/' })]))).toBe('https://x.example/');
	});
});
