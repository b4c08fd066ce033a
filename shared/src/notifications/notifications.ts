/**
 * The notification centre's vocabulary: why a notification is sent, which category a user's
 * preferences group it under, the channels beside in-app. Zod-free: the portal's bell and
 * preference pages use it without the schemas (notifications/schemas.ts).
 *
 * In-app delivery is always on (DOMAIN.md, "Reminders"); a user chooses per category whether he
 * also gets an e-mail or an SMS, where the county has those channels.
 */
type Label = { zh: string; en: string };

export const NOTIFICATION_REASONS = [
  // 督导 (supervise-matters)
  'deadline_near',
  'overdue',
  'escalated',
  // reminders (send-reminders)
  'contact_session',
  'duty_short',
  'make_up_due',
  // reports (weekly-analysis, daily-dispatch)
  'report_ready',
  'dispatch_ready',
  // assessment (monthly-scoring, appeals, spot-check-draw)
  'score_published',
  'appeal_filed',
  'appeal_decided',
  'spot_check_ready',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export const NOTIFICATION_REASON_LABELS: Record<NotificationReason, Label> = {
  deadline_near: { zh: '临期提醒', en: 'Deadline near' },
  overdue: { zh: '超期催办', en: 'Overdue' },
  escalated: { zh: '升级督办', en: 'Escalated' },
  contact_session: { zh: '包村工作提醒', en: 'Village session today' },
  duty_short: { zh: '驻村天数提醒', en: 'Village days short' },
  make_up_due: { zh: '补课到期提醒', en: 'Make-up due' },
  report_ready: { zh: '研判报告', en: 'Weekly report ready' },
  dispatch_ready: { zh: '日调度报告', en: 'Daily dispatch ready' },
  score_published: { zh: '考核结果发布', en: 'Scores published' },
  appeal_filed: { zh: '考核申诉', en: 'Appeal filed' },
  appeal_decided: { zh: '申诉处理结果', en: 'Appeal decided' },
  spot_check_ready: { zh: '月抽查待回访', en: 'Spot check to call back' },
};

export const NOTIFICATION_CATEGORIES = ['matters', 'duty', 'reports', 'assessment'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const NOTIFICATION_CATEGORY_LABELS: Record<NotificationCategory, Label> = {
  matters: { zh: '事项督导', en: 'Matter supervision' },
  duty: { zh: '驻村履职', en: 'Village duty' },
  reports: { zh: '研判报告', en: 'Reports' },
  assessment: { zh: '考核排名', en: 'Assessment' },
};

export const CATEGORY_OF_REASON: Record<NotificationReason, NotificationCategory> = {
  deadline_near: 'matters',
  overdue: 'matters',
  escalated: 'matters',
  contact_session: 'duty',
  duty_short: 'duty',
  make_up_due: 'duty',
  report_ready: 'reports',
  dispatch_ready: 'reports',
  score_published: 'assessment',
  appeal_filed: 'assessment',
  appeal_decided: 'assessment',
  spot_check_ready: 'assessment',
};

/** Channels beside in-app. E-mail is SES and SMS is SNS in AWS; locally both go to the outbox. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, Label> = {
  email: { zh: '邮件', en: 'E-mail' },
  sms: { zh: '短信', en: 'SMS' },
};

export type ChannelChoice = Record<NotificationChannel, boolean>;
export type CategoryChoices = Record<NotificationCategory, ChannelChoice>;

/** What a user gets beside in-app until he chooses: SMS for what is urgent, e-mail for reports. */
export const DEFAULT_NOTIFICATION_CHOICES: CategoryChoices = {
  matters: { email: false, sms: true },
  duty: { email: false, sms: true },
  reports: { email: true, sms: false },
  assessment: { email: true, sms: false },
};

export interface NotificationPreferences {
  username: string;
  categories: CategoryChoices;
  /** 0 until the user first saves his choices (the defaults apply). */
  version: number;
  updatedAt?: string;
}

/** What the thing a notification is about is, so the portal can link to it. */
export const NOTIFICATION_SUBJECTS = ['matter', 'report', 'absence', 'week', 'score', 'appeal', 'spot_check'] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECTS)[number];

/** One notification in one user's inbox (the bell). */
export interface InboxItem {
  /** The notification's id (`ntf_…`): one per reason and cause, never repeated. */
  id: string;
  reason: NotificationReason;
  category: NotificationCategory;
  title: string;
  message: string;
  subject?: { type: NotificationSubjectType; id: string };
  createdAt: string;
  readAt?: string;
}

/** A message a channel sent (or, locally, put in the developer outbox). */
export interface OutboxMessage {
  id: string;
  channel: NotificationChannel;
  to: string;
  username: string;
  notificationId: string;
  subject: string;
  body: string;
  sentAt: string;
}
