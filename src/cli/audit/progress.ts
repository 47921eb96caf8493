/**
 * Progress lines for a person watching a terminal. In CI (stderr not a terminal) nothing
 * is written, so logs hold only the report and any one-line failure.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (message: string) => void {
  return stream.isTTY ? (message) => stream.write(`audit: ${message}\n`) : () => undefined;
}
