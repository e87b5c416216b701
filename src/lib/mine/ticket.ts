/**
 * How a ticket was handled, where the export says: the weekly review's response and resolution
 * times. Grouping never reads it.
 */
export interface TicketHandling {
	/** The priority as the helpdesk names it (`urgent`, `high`, `P2`), or null. */
	priority: string | null;
	/** Minutes from creation to the first agent reply, or null (no reply yet, or not exported). */
	firstResponseMinutes: number | null;
	/** Minutes from creation to resolution, or null (unresolved, or not exported). */
	resolutionMinutes: number | null;
	/** Solved or closed (true), still open (false), or null when the export does not say. */
	resolved: boolean | null;
}

/**
 * The normalized ticket every adapter produces. It is deliberately compact: a million of them stay
 * in memory while the export streams through, so only what grouping and the report need is kept,
 * and the text is already cleaned, redacted and capped.
 */
export interface Ticket {
	/** The helpdesk's ticket ID as text (`"4821"`, `"#17"`, `"query:3"` for a search query). */
	id: string;
	/** Cleaned, redacted text: the subject on the first line, then the customer's words. */
	text: string;
	/** Length of the subject at the start of `text` (0 when the ticket has none). */
	subjectLength: number;
	/** Creation time in epoch milliseconds, or null when the export has no usable date. */
	created: number | null;
	/** Where the ticket came in (`email`, `web`, `chat`, …), or null when unknown. */
	channel: string | null;
	/** Tags or labels, redacted; PII-looking tags are dropped. */
	tags: readonly string[];
	/** Priority and times, when the export carries any of them. */
	handling?: TicketHandling;
}

/**
 * What an adapter extracts from one record before cleaning and redaction. Texts are raw here and
 * never leave the ingest step.
 */
export interface RawTicket {
	id: string;
	subject: string;
	/** The customer's words: one entry per message (Chatwoot, Help Scout), or one description. */
	messages: string[];
	/** True when the messages are HTML (Help Scout threads), undefined to tell from the text. */
	html?: boolean;
	/** Creation time in epoch milliseconds (see `timeOf`), or null. */
	created: number | null;
	channel: string | null;
	tags: string[];
	/**
	 * Personal values the record names in structured fields (requester name, e-mail, phone): they
	 * are redacted wherever they also appear in the text, whatever their format.
	 */
	personal: string[];
	/** Priority and times, when the export carries any of them. */
	handling?: TicketHandling;
}

/** An adapter's verdict on one record. */
export type AdapterResult =
	| { kind: 'ticket'; ticket: RawTicket }
	/** A record that should have been a ticket but cannot be read; listed in `rejected`. */
	| { kind: 'reject'; reason: string }
	/** A record that is not a customer question (a pull request, a deleted or spam ticket). */
	| { kind: 'skip'; reason: string };

/** One record of an export as the reader found it. */
export interface SourceRecord {
	/** 1-based line where the record starts in its file. */
	line: number;
	/** A parsed JSON value, or a CSV row keyed by its header. */
	value: unknown;
}

/** A record that could not be used, for the `rejected` list. */
export interface Rejection {
	file: string;
	line: number;
	reason: string;
}

/** The export formats the miner reads; `csv` is any CSV with a column map. */
export const FORMATS = ['zendesk', 'freshdesk', 'chatwoot', 'helpscout', 'github', 'csv'] as const;
/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];

/** An adapter for JSON records (an array element, a JSON Lines line). */
export interface JsonAdapter {
	format: FormatName;
	/** Whether a record has this tool's shape; decided on the first record of a file. */
	detect(value: unknown): boolean;
	read(value: unknown): AdapterResult;
}

/** Column names for `--map`: which CSV column holds each ticket field. */
export interface ColumnMap {
	subject?: string;
	body?: string;
	id?: string;
	created?: string;
	tags?: string;
	channel?: string;
}

/** Reads one CSV row (fields in header order) found at `line`. */
export type CsvRowReader = (row: readonly string[], line: number) => AdapterResult;

/** An adapter for CSV exports, set up once from the header row. */
export interface CsvAdapter {
	format: FormatName;
	detect(header: readonly string[]): boolean;
	/** Throws a InputError naming the missing columns when the header does not fit. */
	reader(header: readonly string[], options: { map?: ColumnMap; file: string }): CsvRowReader;
}
