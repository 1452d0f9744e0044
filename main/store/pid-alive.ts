/**
 * Whether a process with this pid exists on this machine. Signal 0 checks without signalling:
 * ESRCH means gone; EPERM means it exists but belongs to someone else, which still counts as alive.
 */
export function isPidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
