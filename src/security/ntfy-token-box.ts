import { SecretBox } from './secret-box.js';

/** Seals ntfy access tokens at rest; only the channel opens them, to send. */
export const ntfyTokenBox = (serverSecret: string) => new SecretBox(serverSecret, 'ntfy-token');
