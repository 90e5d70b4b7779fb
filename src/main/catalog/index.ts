/** OS-specific catalog knowledge: the ephemeral range read from the OS and Windows' excluded port ranges. */
export { catalogContext, catalogContextNow, localRowAnnotator, currentPlatform, DEFAULT_EPHEMERAL_RANGES, LEGACY_WINDOWS_EPHEMERAL_RANGE, type MachineCatalogContext } from './catalog-context';
export { readEphemeralRange, readExcludedPortRanges } from './read-port-ranges';
export {
  parseExcludedPortRanges,
  parseLinuxPortRange,
  parseNetshDynamicPort,
  parseSysctlPortRange,
  findExcludedRange,
  type ExcludedPortRange,
} from './parse-port-ranges';
