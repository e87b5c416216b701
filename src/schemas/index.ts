export * from './common.ts';
export * from './kb.ts';
export * from './faq.ts';
export * from './runbook.ts';
export * from './template.ts';
export * from './policy.ts';
export * from './event.ts';
export * from './category.ts';
