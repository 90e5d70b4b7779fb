/**
 * The IPC gate, without Electron: a call is routed to service.dispatch (which validates the payload
 * with zod) only when it comes from the top frame of our own renderer.
 */
import type { ApiMethod } from '../../shared/api';
import { err, type Result } from '../../shared/result';
import type { PortScopeService } from '../service/index';
import { isTrustedSender, type TrustedRenderer } from './trusted-sender';

export interface IpcSender {
  /** The sending frame's URL (event.senderFrame.url); undefined when the frame is gone. */
  url: string | undefined;
  isTopFrame: boolean;
}

export type IpcRoute = (method: ApiMethod, sender: IpcSender, input: unknown) => Promise<Result<unknown>>;

export function createIpcRoute(service: Pick<PortScopeService, 'dispatch'>, trusted: TrustedRenderer): IpcRoute {
  return async (method, sender, input) => {
    if (!isTrustedSender(sender.url, sender.isTopFrame, trusted)) {
      return err('PERMISSION_DENIED', 'IPC refused: the request did not come from the PortScope window.');
    }
    return service.dispatch(method, input);
  };
}
