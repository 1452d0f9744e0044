import type { EventName, Events } from '../../../shared/api'
import type { EventListener } from './core-types'

/** Fans core events out to every face that listens (IPC windows, host streams, the CLI). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  on(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }
}
