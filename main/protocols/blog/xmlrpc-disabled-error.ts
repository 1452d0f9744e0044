import { appError, type AppError } from '../../../shared/errors'

/**
 * The blog exists but will not speak XML-RPC: WordPress answers fault 405 "XML-RPC services are
 * disabled on this site." when a plugin or the `xmlrpc_enabled` filter turned it off, and hosts
 * that block xmlrpc.php answer an HTML page with HTTP 403 or 405. Neither is fixed by retrying or
 * by another password, so the message says what the blog's owner can do.
 */
export class XmlRpcDisabledError extends Error {
  override readonly name = 'XmlRpcDisabledError'
  readonly kind = 'unsupported' as const

  constructor(
    readonly method: string,
    /** 'fault': the blog itself said so; 'blocked': something in front of it refused with an HTTP page. */
    readonly how: 'fault' | 'blocked',
    /** The fault string, or the HTTP status line. */
    readonly said: string,
  ) {
    super(
      how === 'fault'
        ? `This blog has XML-RPC turned off (“${said}”), so Upstream cannot post to it.`
        : `The server refused xmlrpc.php with an HTTP error page (${said}): the host or a security plugin blocks XML-RPC, so Upstream cannot post to this blog.`,
    )
  }

  toAppError(): AppError {
    const fix =
      ' To enable it: in WordPress, deactivate the plugin that disables XML-RPC (for example “Disable XML-RPC”, or the XML-RPC option of Wordfence, Jetpack Protect or iThemes Security)' +
      ' and remove any `xmlrpc_enabled` filter returning false; if the host blocks xmlrpc.php (some managed hosts do), ask them to allow it for your account. Then try again.'
    return appError('unsupported', this.message + fix, {
      method: this.method,
      how: this.how,
      said: this.said,
      classification: 'xmlrpc-disabled',
    })
  }
}

/** WordPress's words and code for it (wp-includes/class-wp-xmlrpc-server.php). */
export const isXmlRpcDisabledFault = (code: number, text: string): boolean =>
  code === 405 || /XML-?RPC services are disabled/i.test(text)
