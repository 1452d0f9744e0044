import type { EventBus } from '../core/event-bus'
import { NoticeHistory } from './notification-history'

/** A history that keeps every `notification` the bus carries, whoever emitted it. */
export function recordNotices(dataDir: string, events: EventBus): NoticeHistory {
  const history = new NoticeHistory(dataDir)
  events.on((event, payload) => {
    if (event === 'notification') history.record(payload as Parameters<NoticeHistory['record']>[0])
  })
  return history
}
