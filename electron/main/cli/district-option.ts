/** A district named on the command line by its code (420105) or its name (汉阳区, 汉阳), matched as the app does. */
import { createDistrictMatcher } from '@shared/domain/districts';
import type { CliCore } from './call-core';
import { callCore } from './call-core';

export async function matchDistrict(core: CliCore, text: string): Promise<string | undefined> {
  const districts = await callCore(core, 'districts.list', {});
  return createDistrictMatcher(districts)(text)?.code;
}
