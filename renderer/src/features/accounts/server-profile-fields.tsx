import { useId } from 'react'
import type { ServerProfile } from '../../../../shared/server-profile'
import { formatWhen } from '../../lib/format'

interface Props {
  profile: ServerProfile
  onChange: (p: ServerProfile) => void
}

/** The server's dialect as detected, for the rare server that needs a hand (see protocols §4). */
export function ServerProfileFields({ profile, onChange }: Props) {
  const id = useId()
  const set = <K extends keyof ServerProfile>(key: K, value: ServerProfile[K]) => onChange({ ...profile, [key]: value })
  return (
    <details className="profile-fields">
      <summary>
        Server profile{profile.detectedAt ? ` (detected ${formatWhen(profile.detectedAt)})` : ' (not detected yet)'}
      </summary>
      <div className="form-row">
        <label htmlFor={`${id}-tz`}>Server time zone</label>
        <input
          id={`${id}-tz`}
          value={profile.timeZone}
          spellCheck={false}
          onChange={(e) => set('timeZone', e.target.value)}
          aria-describedby={`${id}-tz-hint`}
        />
        <span id={`${id}-tz-hint`} className="hint">
          Dates on the wire carry no zone: an IANA name (Europe/Paris), UTC, or an offset (+02:00).
        </span>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-upload`}>Upload method</label>
        <select
          id={`${id}-upload`}
          value={profile.uploadMethod}
          onChange={(e) => set('uploadMethod', e.target.value as ServerProfile['uploadMethod'])}
        >
          <option value="saveMultipleFiles">saveMultipleFiles</option>
          <option value="sendMultipleFiles">sendMultipleFiles</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-arity`}>registerUser parameters</label>
        <select
          id={`${id}-arity`}
          value={profile.registerUserArity}
          onChange={(e) => set('registerUserArity', Number(e.target.value) as ServerProfile['registerUserArity'])}
        >
          <option value={5}>5 (PyCS)</option>
          <option value={6}>6 (the spec)</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-regpw`}>Password at registration</label>
        <select
          id={`${id}-regpw`}
          value={profile.registrationPassword}
          onChange={(e) => set('registrationPassword', e.target.value as ServerProfile['registrationPassword'])}
        >
          <option value="md5">MD5 digest</option>
          <option value="clear">Clear text</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-enc`}>Password encoding</label>
        <select
          id={`${id}-enc`}
          value={profile.passwordEncoding}
          onChange={(e) => set('passwordEncoding', e.target.value as ServerProfile['passwordEncoding'])}
        >
          <option value="utf8">UTF-8</option>
          <option value="latin1">Latin-1</option>
        </select>
      </div>
    </details>
  )
}
