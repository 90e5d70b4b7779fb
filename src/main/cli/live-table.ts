/**
 * The commands whose first step reads the live socket table. For them the CLI's entry starts the native
 * reader's reads, or the fd walk, before it loads the rest of the CLI (startNativeReadsEarly in
 * collectors/linux/native-reader, startFdLinkWalkEarly in collectors/linux/proc-fd-walk). A command
 * listed here that did not read the table would only cost a read's CPU; one left out, only its head start.
 */
const LIVE_TABLE_COMMANDS: ReadonlySet<string> = new Set(['list', 'who', 'kill', 'close']);

/** Whether `portscope <argv…>` reads the live table first (never when it only shows its help). */
export function readsLiveTableFirst(argv: readonly string[]): boolean {
  return LIVE_TABLE_COMMANDS.has(argv[0] ?? '') && !argv.some((arg) => arg === '--help' || arg === '-h');
}
