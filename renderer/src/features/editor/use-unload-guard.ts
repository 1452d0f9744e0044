import { useEffect } from 'react'

/**
 * Unsaved words never vanish: while anything is unsaved, closing the window or tab asks first, and
 * hiding it (switching away, minimising, the first step of many closes) saves at once.
 */
export function useUnloadGuard(isDirty: () => boolean, flush: () => unknown): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty()) return
      void flush()
      e.preventDefault()
      e.returnValue = '' // older Chromium (and Electron) still look at returnValue
    }
    const onHidden = () => document.visibilityState === 'hidden' && isDirty() && void flush()
    addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('visibilitychange', onHidden)
    }
  }, [isDirty, flush])
}
