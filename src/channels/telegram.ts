import type { ChatUpdater } from '../engine/chat-sync.js';
import { DestinationRefused, type Channel, type Message, type SentRef } from './channel.js';
import { callBotApi, isNotModified, type TelegramConfig } from './telegram-api.js';
import { incidentText, noticeText, testText } from './telegram-message.js';

/** A posted message as Vigil refers to it: its chat and its id in that chat. */
export const telegramRef = (chatId: string, messageId: number) => `${chatId}:${messageId}`;
export function parseTelegramRef(ref: string): { chatId: string; messageId: number } | null {
  const match = /^(-?\d+):(\d+)$/.exec(ref);
  return match ? { chatId: match[1] as string, messageId: Number(match[2]) } : null;
}

/**
 * Pages through a Telegram bot to the chat a person linked (the address is its chat id):
 * an incident with an Acknowledge button and Open incident, silent (no sound) for low
 * urgency. Returns the message's ref so the chat sync can edit it as the incident changes.
 * Telegram has no idempotency key: a page retried after a lost answer may show twice.
 */
export function telegramChannel(cfg: TelegramConfig): Channel {
  return {
    async send(message: Message): Promise<SentRef> {
      const incident = message.incident;
      const body = incident
        ? { ...incidentText(incident, incident.url), disable_notification: incident.urgency === 'low' }
        : message.notice
          ? noticeText(message.notice)
          : testText;
      const sent = (await callBotApi(cfg, 'sendMessage', { chat_id: message.address, ...body })) as { message_id: number };
      return { messageRef: telegramRef(message.address, sent.message_id) };
    },
  };
}

/**
 * Edits a page in place (editMessageText) to show its incident now: who acknowledged
 * it, the Acknowledge button gone; resolved. An edit that changes nothing (the button
 * press already showed it) is done; a message Telegram no longer has is refused for good.
 */
export function telegramUpdater(cfg: TelegramConfig): ChatUpdater {
  return async (message, incident) => {
    const ref = parseTelegramRef(message.message_ref);
    if (!ref) throw new DestinationRefused(`not a Telegram message ref: ${message.message_ref}`);
    await callBotApi(cfg, 'editMessageText', { chat_id: ref.chatId, message_id: ref.messageId, ...incidentText(incident, incident.url) }).catch((err: unknown) => {
      if (!isNotModified(err)) throw err;
    });
  };
}
