// The count of unread inbox items shown in the header. It stays null when
// nobody is signed in or the server has no inbox route, and the header then
// shows no count. inbox.ts fills it.
import { ref } from 'vue'

export const unreadCount = ref<number | null>(null)
