import { Badge } from '@strapi/design-system';
import type { PanelEntry } from '../../crosspost/panel-view';

// How urgent each state looks: red needs a person, orange waits for one, green is done.
const VARIANT: Record<PanelEntry['state'], 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary'> = {
  pending: 'secondary',
  sending: 'primary',
  posted: 'success',
  failed: 'danger',
  review: 'danger',
  outbox: 'warning',
  skipped: 'neutral',
  removed: 'neutral',
};

/** The Vietnamese word of a job's state, as the ledger's labels give it. */
export function StateBadge({ entry }: { entry: PanelEntry }) {
  return <Badge variant={VARIANT[entry.state] ?? 'neutral'}>{entry.stateLabel}</Badge>;
}
