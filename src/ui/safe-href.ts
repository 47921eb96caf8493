/** A URL fit for a link: http(s) or relative. Anything else (javascript:, data:) gives undefined. */
export const safeHref = (url: string | null | undefined) =>
  url && /^(https?:\/\/|\/|\.{0,2}\/|[^:]*$)/i.test(url.trim()) ? url : undefined;
