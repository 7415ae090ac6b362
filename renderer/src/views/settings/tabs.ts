/** The tabs of 设置, as they appear in `#/settings?tab=…`. */
export const settingsTabs = ['status', 'identity', 'rubrics', 'user', 'backups', 'audit'] as const;
export type SettingsTab = (typeof settingsTabs)[number];
export const defaultSettingsTab: SettingsTab = 'status';
