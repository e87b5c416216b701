import type { z } from 'astro/zod';

/**
 * What a schema says about a value, one `field: message` line per issue (the form the build and
 * `npm run check:content` print; just the message for a bare value), or `[]` when it is valid.
 */
export function problems(schema: z.ZodType, value: unknown): string[] {
	const result = schema.safeParse(value);
	if (result.success) return [];
	return result.error.issues.map((i) =>
		i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
	);
}

/** The parsed value; fails the test with the problems when the value is invalid. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
	const result = schema.safeParse(value);
	if (!result.success)
		throw new Error(`expected a valid value: ${problems(schema, value).join('; ')}`);
	return result.data;
}
