const UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** A lifetime as a person reads it: "session", "59 seconds", "24 hours", "400 days". */
export function lifetimeInWords(seconds: number | null): string {
  if (seconds === null) return 'session';
  // Whole units from two of them up ("120 minutes" reads better as "2 hours" only from 2 hours).
  const [unit, size] = UNITS.find(([, size]) => seconds >= 2 * size) ?? ['second', 1];
  return new Intl.NumberFormat('en-GB', { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(seconds / size);
}
