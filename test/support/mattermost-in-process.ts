import type { IntegrationAnswer, MattermostFake } from './mattermost-fake.js';
import type { TestApp } from './test-app.js';

/** Requests Mattermost would send to Vigil's public URL (presses, /vigil) go to the app in process. */
export function deliverToApp(mm: MattermostFake, t: TestApp): void {
  mm.deliver = async (url, contentType, body): Promise<IntegrationAnswer> => {
    const res = await t.vigil.app.inject({ method: 'POST', url: new URL(url).pathname, headers: { 'content-type': contentType }, payload: body });
    return { status: res.statusCode, body: res.body === '' ? {} : (res.json() as Record<string, unknown>) };
  };
}
