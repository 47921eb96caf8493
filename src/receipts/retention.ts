import { parseDuration } from '../catalog/duration.js';

export const DEFAULT_RETENTION = 'P2Y';

/**
 * The moment before which receipts fall out of a retention period such as `P2Y` or `P18M`,
 * counted back from `now` on the calendar (UTC); undefined for anything that is not an ISO-8601
 * duration of at least a day.
 */
export function retentionCutoff(period: string, now = Date.now()): number | undefined {
  const parts = parseDuration(period);
  if (!parts || parts.H || parts.MT || parts.S) return undefined;
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - (parts.Y ?? 0), cutoff.getUTCMonth() - (parts.M ?? 0));
  cutoff.setUTCDate(cutoff.getUTCDate() - (parts.W ?? 0) * 7 - (parts.D ?? 0));
  return cutoff.getTime() < now ? cutoff.getTime() : undefined;
}
