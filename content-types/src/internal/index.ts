import type { ContentTypeDefinition } from '../fields';
import { crosspostJob } from './crosspost-job';
import { outreachActivity } from './outreach-activity';
import { sighting } from './sighting';

/** Internal types: generated into the CMS, never routed through its REST API. */
export const internalTypes: readonly ContentTypeDefinition[] = [crosspostJob, sighting, outreachActivity];
