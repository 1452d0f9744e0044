// The writer's own words ("add to dictionary"). Kept in this browser profile's storage for now;
// the same list for every draft and every window of this origin.
const KEY = 'upstream.spell.personal'

export function personalWords(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : []
  } catch {
    return []
  }
}

export function addPersonalWord(word: string): void {
  const words = new Set(personalWords())
  words.add(word)
  localStorage.setItem(KEY, JSON.stringify([...words].sort()))
}
