/**
 * The report kit every report is built with (`deflection`, `mine`, `review`): page shell with its
 * content-security policy and colour tokens, number formats, charts and tables. Escaping is
 * src/lib/escape.ts, one function per output context.
 */
export * from './chart.ts';
export * from './format.ts';
export * from './page.ts';
export * from './table.ts';
