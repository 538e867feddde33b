/** The server secret of every test runtime; its own file so that global setups can import it without vitest. */
export const TEST_APP_SECRET = 'test-app-secret-not-for-production-0123456789';
