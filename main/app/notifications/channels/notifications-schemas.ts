/** The notification channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { none } from '../../core/schema-parts'

export const notificationsSchemas = {
  'notifications.list': none,
  'notifications.clear': none,
}
