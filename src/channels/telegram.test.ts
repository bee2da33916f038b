import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../../test/support/telegram-fake.js';
import { parseTelegramRef, telegramRef } from './telegram.js';
import { incidentOfAck, incidentText, linkable, noticeText } from './telegram-message.js';

const id = '01890a5d-ac96-774b-bcce-b302099a8057';
const incident = { id, title: 'Checkout <slow> & "odd"', description: 'p99 > 2 s', monitorName: 'Shop & co', status: 'triggered', urgency: 'high' as const };
const view = `https://vigil.example.com/incidents/${id}`;

describe('Telegram messages', () => {
  it('escapes what Telegram would read as markup, so the text parses to exactly what was sent', () => {
    const { text, parse_mode } = incidentText(incident, view);
    expect(parse_mode).toBe('HTML');
    expect(parseTelegramHtml(text)).toBe('🔴 Triggered\nCheckout <slow> & "odd"\nMonitor: Shop & co\n\np99 > 2 s');
  });

  it('offers Acknowledge while triggered, then shows who acted and keeps only Open incident', () => {
    expect(incidentText(incident, view).reply_markup?.inline_keyboard).toEqual([[{ text: 'Acknowledge', callback_data: `ack:${id}` }], [{ text: 'Open incident', url: view }]]);
    const acked = incidentText({ ...incident, status: 'acknowledged', acknowledgedBy: 'Alice <A>' }, view);
    expect(acked.text.split('\n')[0]).toBe('✅ <b>Acknowledged</b> by Alice &#60;A&#62;');
    expect(acked.reply_markup?.inline_keyboard).toEqual([[{ text: 'Open incident', url: view }]]);
    const resolved = incidentText({ ...incident, status: 'resolved', acknowledgedBy: 'Alice', resolvedBy: 'Bob' }, view);
    expect(resolved.text.split('\n')[0]).toBe('☑️ <b>Resolved</b> by Bob');
  });

  it('says the step a triggered incident is on in its first line, and nothing of it once acknowledged', () => {
    const first = (shown: Parameters<typeof incidentText>[0]) => incidentText(shown, view).text.split('\n')[0];
    expect(first({ ...incident, escalation: { step: 1, of: 2 } })).toBe('🔴 <b>Triggered</b> · Step 1 of 2');
    expect(first({ ...incident, urgency: 'low', escalation: { step: 2, of: 2 } })).toBe('🟡 <b>Triggered</b> (low urgency) · Escalated to step 2 of 2');
    expect(first({ ...incident, escalation: { exhaustedAfter: 1 } })).toBe('🔴 <b>Triggered</b> · Escalation exhausted after 1 pass');
    expect(first({ ...incident, status: 'acknowledged', acknowledgedBy: 'Alice', escalation: { step: 2, of: 2 } })).toBe('✅ <b>Acknowledged</b> by Alice');
  });

  it('leaves the Open incident button out where Telegram refuses the URL, and the keyboard with it once nothing is left', () => {
    expect([view, 'http://127.0.0.1:8080/x', 'http://localhost:8080/x', 'http://vigil.localhost/x', 'not a url'].map(linkable)).toEqual([true, true, false, false, false]);
    expect(incidentText({ ...incident, status: 'resolved' }, 'http://localhost:8080/incidents/x').reply_markup).toBeUndefined();
  });

  it('stays within 4,096 characters with a huge description', () => {
    const { text } = incidentText({ ...incident, title: '&'.repeat(1000), monitorName: '<'.repeat(1000), description: '<'.repeat(10_000), escalation: { step: 99, of: 99 } }, view);
    expect([...(parseTelegramHtml(text) ?? '')].length).toBeLessThanOrEqual(4096);
    expect(parseTelegramHtml(noticeText({ subject: 'You are on call', text: '&'.repeat(9_000) }).text)?.length).toBeLessThanOrEqual(4096);
  });

  it('reads back the callback data and message refs it writes, and nothing else', () => {
    expect(incidentOfAck(`ack:${id}`)).toBe(id);
    expect([incidentOfAck('ack:'), incidentOfAck(`resolve:${id}`), incidentOfAck(`ack:${id}x`)]).toEqual([null, null, null]);
    expect(Buffer.byteLength(`ack:${id}`)).toBeLessThanOrEqual(64);
    expect(parseTelegramRef(telegramRef('-100123', 42))).toEqual({ chatId: '-100123', messageId: 42 });
    expect(parseTelegramRef('123')).toBeNull();
  });
});
