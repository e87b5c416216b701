/**
 * An entry's file is plain Markdown (`.md`) or MDX (`.mdx`, for a body that uses components);
 * every tool that lists, checks or links entries takes both alike.
 */

/** The extensions of entry files, in the order a folder listing tries them. */
export const ENTRY_EXTENSIONS: readonly string[] = ['.md', '.mdx'];

/** Whether a file name or path is an entry's (`why-retried.md`, `content/kb/x.mdx`). */
export const isEntryFile = (name: string): boolean => ENTRY_EXTENSIONS.some((ext) => name.endsWith(ext));

/** A file name without its entry extension (`why-retried.md` → `why-retried`). */
export const withoutEntryExtension = (name: string): string => name.replace(/\.mdx?$/, '');
