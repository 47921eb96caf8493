/**
 * Text from a file (a catalogue's keys, a policy's words) made safe to print: control
 * characters would let the file move the cursor, clear the screen or retitle the terminal.
 */
export const terminalSafe = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => (c === '\n' ? c : '\uFFFD'));
