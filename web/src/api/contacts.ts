import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forceQuery, request, type DeleteRequest } from './client';
import type { ContactMethod, NewContactMethod, NotificationRule } from './incidentTypes';
import { reachabilityKey } from './reachability';
import { allOnCallKey } from './schedules';

const methodsKey = (userId: string) => ['contact-methods', userId] as const;
const rulesKey = (userId: string) => ['notification-rules', userId] as const;

/** `refetchInterval` polls while something outside Vigil may change them (a Telegram chat being linked). */
export function useContactMethods(userId: string, { refetchInterval = false }: { refetchInterval?: number | false } = {}) {
  return useQuery({ queryKey: methodsKey(userId), queryFn: () => request<ContactMethod[]>('GET', `/users/${userId}/contact-methods`), refetchInterval });
}

export function useNotificationRules(userId: string) {
  return useQuery({ queryKey: rulesKey(userId), queryFn: () => request<NotificationRule[]>('GET', `/users/${userId}/notification-rules`) });
}

/**
 * Adding the first method also adds a rule, and removing one removes its rules: refresh both,
 * and whether the user can be reached, which the nav and the on-call page show.
 */
function useRefreshContacts(userId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [methodsKey(userId), rulesKey(userId), reachabilityKey, allOnCallKey].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
}

export function useAddContactMethod(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: (method: NewContactMethod) => request<ContactMethod>('POST', `/users/${userId}/contact-methods`, method),
    onSuccess: refresh,
  });
}

export function useRemoveContactMethod(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/users/${userId}/contact-methods/${id}${forceQuery(force)}`),
    onSuccess: refresh,
  });
}

export function useTestContactMethod(userId: string) {
  return useMutation({
    mutationFn: (id: string) => request<{ queued: boolean }>('POST', `/users/${userId}/contact-methods/${id}/test`),
  });
}

/** Sends a new code to an unverified method; the answer's `verification` says whether it went out. */
export function useSendVerification(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: (id: string) => request<ContactMethod>('POST', `/users/${userId}/contact-methods/${id}/send-verification`),
    onSuccess: refresh,
  });
}

/** Checks the 6-digit code; a wrong or expired one is a field error on `code`. */
export function useVerifyContactMethod(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) =>
      request<ContactMethod>('POST', `/users/${userId}/contact-methods/${id}/verify`, { code }),
    onSuccess: refresh,
  });
}

export function useAddNotificationRule(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: (rule: { contactMethodId: string; delayMinutes: number; urgency: NotificationRule['urgency'] }) =>
      request<NotificationRule>('POST', `/users/${userId}/notification-rules`, rule),
    onSuccess: refresh,
  });
}

export function useRemoveNotificationRule(userId: string) {
  const refresh = useRefreshContacts(userId);
  return useMutation({
    mutationFn: ({ id, force }: DeleteRequest) => request<void>('DELETE', `/users/${userId}/notification-rules/${id}${forceQuery(force)}`),
    onSuccess: refresh,
  });
}
