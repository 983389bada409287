import type { ContentTypeDefinition } from '../fields';
import { crosspostJob } from './crosspost-job';
import { editorialReview } from './editorial-review';
import { outreachActivity } from './outreach-activity';
import { publicationSchedule } from './publication-schedule';
import { sighting } from './sighting';
import { takedown } from './takedown';

/** Internal types: generated into the CMS, never routed through its REST API. */
export const internalTypes: readonly ContentTypeDefinition[] = [crosspostJob, sighting, outreachActivity, editorialReview, publicationSchedule, takedown];
