// The signed-in user, shared by the header and the forms. Stays empty when
// the server has no session routes or nobody is signed in.
import { ref } from 'vue'
import { api } from './api/client'
import type { SessionUser } from './api/types'

export const currentUser = ref<SessionUser | null>(null)

export async function loadSession(): Promise<void> {
  try {
    currentUser.value = (await api.getSession()).user
  } catch {
    currentUser.value = null
  }
}
