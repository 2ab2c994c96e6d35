// Fills the header's unread count from the inbox route.
import { marketApi } from './api/market'
import { unreadCount } from './unread'

// Counts the unread items of the inbox's first page (up to 100).
export async function refreshUnread(): Promise<void> {
  try {
    const page = await marketApi.inbox({ limit: 100 })
    unreadCount.value = page.items.filter((item) => !item.read).length
  } catch {
    unreadCount.value = null
  }
}
