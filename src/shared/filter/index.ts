/** The socket-table filter language: parse text into terms, match rows (AND), plus the toggle set. */
export * from './parse-filter';
export * from './match-filter';
