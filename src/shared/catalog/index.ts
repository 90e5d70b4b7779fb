/**
 * The port catalog: IANA's registry, the vendor references (one data file per document), common
 * developer ports, and who normally owns a port. Pure TypeScript: main and the renderer both use it.
 */
export { describe, describePorts, bestMeaning, hasCuratedMeaning, portRangeClass } from './describe';
export { ownerVerdict, expectedOwners, describeExpectation, normalizeProcessName } from './owner-verdict';
export { servicePort, serviceEndpoint, inEphemeralRange, listeningKey, type ServiceEndpoint, type ServicePortOptions } from './service-port';
export { annotateRows, ephemeralMeaning, EPHEMERAL_LABEL, EPHEMERAL_SOURCE } from './annotate';
export { IANA_SOURCE } from './iana';
export { DEFAULT_EPHEMERAL_RANGES, LEGACY_WINDOWS_EPHEMERAL_RANGE } from './ephemeral-ranges';
export { VENDOR_SOURCES, DEVELOPER_SOURCES } from './sources/index';
export type * from './types';
