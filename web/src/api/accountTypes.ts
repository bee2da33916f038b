import type { ResponseOf } from './schema';

export type ApiToken = ResponseOf<'getMeTokens'>[number];
/** The secret `token` is shown this once. */
export type CreatedApiToken = ResponseOf<'postMeTokens', 201>;

export type CalendarFeed = ResponseOf<'getMeCalendarFeeds'>[number];
/** The secret subscription `url` is shown this once. */
export type CreatedCalendarFeed = ResponseOf<'postMeCalendarFeeds', 201>;

export type MyReachability = ResponseOf<'getMeReachability'>;
export type Reachability = ResponseOf<'getSchedulesByIdOnCall'>['reachability'][number];
export type ReachabilityProblemCode = Reachability['problems'][number]['code'];
