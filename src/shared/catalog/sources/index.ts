/** Every hand-written layer, in rank order (vendor documents first, then the developer ports). */
import type { CatalogSource } from '../types';
import { microsoftServiceOverview } from './microsoft-service-overview';
import { windows2000 } from './windows-2000';
import { configmgrClient } from './configmgr-client';
import { sms2003 } from './sms-2003';
import { lansweeper } from './lansweeper';
import { developerPorts } from './developer-ports';

export const VENDOR_SOURCES: readonly CatalogSource[] = [microsoftServiceOverview, windows2000, configmgrClient, sms2003, lansweeper];
export const DEVELOPER_SOURCES: readonly CatalogSource[] = [developerPorts];
