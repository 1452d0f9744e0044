import type { Session } from 'electron'

/**
 * The app needs no camera, microphone, geolocation, notifications, MIDI, HID, USB or serial port:
 * every request and every check is answered no, so a hostile preview cannot even ask.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
