/** Protocol lists shared by the data files, so entries stay one line each. */
import type { CatalogProtocol } from '../types';

export const TCP: readonly CatalogProtocol[] = ['tcp'];
export const UDP: readonly CatalogProtocol[] = ['udp'];
export const BOTH: readonly CatalogProtocol[] = ['tcp', 'udp'];
