declare module 'virtual:part-hashes' {
  /** The Subresource Integrity hash (`sha384-…`) of each part of the script-tag build, by part name. */
  export const PART_HASHES: Record<string, string>;
}
