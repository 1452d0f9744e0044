import { useEffectiveScheme } from './theme'

/** Follows the chosen theme, or the system's live when the choice is "system". */
export function useColorScheme(): 'light' | 'dark' {
  return useEffectiveScheme()
}
