import { app } from 'electron'
import type { Events } from '../../shared/api'

/**
 * A certificate the system does not trust is never accepted: the handler always answers false
 * (and never calls event.preventDefault(), which is how a handler would override Chromium), and
 * the user is told once per host and error rather than left with a silently broken page.
 * The core's own requests through net.fetch fail with net::ERR_CERT_* and surface as transport
 * errors on the job.
 */
export function refuseCertificateErrors(notify: (payload: Events['notification']) => void): void {
  const told = new Set<string>()
  app.on('certificate-error', (_event, _contents, url, error, _certificate, callback) => {
    callback(false)
    const host = URL.canParse(url) ? new URL(url).host : url.slice(0, 80)
    if (told.has(`${host} ${error}`)) return
    told.add(`${host} ${error}`)
    notify({
      level: 'error',
      title: `Refused an untrusted certificate from ${host}`,
      body: `${error}. Upstream does not connect to servers whose certificate your system does not trust.`,
    })
  })
}
