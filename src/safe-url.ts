/**
 * A URL fit for a link or an embedded frame: http(s) or relative. Anything else (javascript:,
 * data:, blob:) gives undefined. One check for the policy link, the placeholder's link and a
 * released iframe's address.
 */
export const safeUrl = (url: string | null | undefined) =>
  url && /^(https?:\/\/|\/|\.{0,2}\/|[^:]*$)/i.test(url.trim()) ? url : undefined;
