/** What the app says to people who do not see the screen or do not use a mouse: landmarks, chart summaries, live announcements. */
import { defineMessages } from './define';

export const a11yMessages = defineMessages({
  zhCN: {
    a11y: {
      navigation: '主导航',
      skipToContent: '跳到主要内容',
      chart: {
        viewAsTable: '以表格查看',
        viewAsChart: '以图表查看',
      },
    },
  },
  en: {
    a11y: {
      navigation: 'Main navigation',
      skipToContent: 'Skip to main content',
      chart: {
        viewAsTable: 'View as table',
        viewAsChart: 'View as chart',
      },
    },
  },
});
