/** The last step every Linux collector shares: hidden-owner marking with user names. */
import type { RawSocket } from '../../../shared/types';
import type { Collection } from '../types';
import { markHiddenOwners } from './hidden-owners';
import { cachedUserName, userName } from '../../process/linux/user-names';

export async function finishLinuxCollection(rows: RawSocket[], unparsedLines: number): Promise<Collection> {
  await userName(0); // loads /etc/passwd once
  const ownersHidden = markHiddenOwners(rows, {
    euid: typeof process.geteuid === 'function' ? process.geteuid() : null,
    userName: cachedUserName,
  });
  return { rows, unparsedLines, ownersHidden };
}
