/**
 * The citizen's chat resume token lives in sessionStorage: it survives a reload or a dropped connection in the
 * same tab, and is gone when the tab closes. Kept apart from the panel so the page can check it without
 * loading the chat's code.
 */
const TOKEN_KEY = 'wia_chat_token';

export function readChatToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function hasStoredChat(): boolean {
  return readChatToken() !== null;
}

export function storeChatToken(token: string) {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused (private mode): the chat still works, it just does not survive a reload.
  }
}

export function clearChatToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
}
