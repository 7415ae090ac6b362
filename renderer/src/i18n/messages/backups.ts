/** Messages of 设置 › 备份与恢复 and the home page's backup warning. */
import { defineMessages } from './define';

export const backupMessages = defineMessages({
  zhCN: {
    backups: {
      title: '备份与恢复',
      intro: '工作站每天自动备份一次，保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。备份保存在数据库旁的文件夹：',
      takeNow: '立即备份',
      taken: '备份完成：{name}',
      empty: '还没有备份',
      name: '文件',
      kind: '类型',
      size: '大小',
      takenAt: '时间',
      kinds: { auto: '自动', manual: '手动', beforeRestore: '恢复前保留', beforeMigration: '升级前保留' },
      lastBackup: '上次备份',
      never: '从未备份',
      freeSpace: '磁盘剩余',
      warnings: {
        noBackup: '本工作站还没有备份。请到“设置 › 备份与恢复”立即备份，并把备份复制到 U 盘。',
        backupOld: '上次备份是 {date}，已超过 7 天。请立即备份。',
        diskLow: '磁盘剩余空间不足 1 GB（剩余 {free}），备份和保存可能失败。',
      },
      goToBackups: '去备份',
      restore: '恢复',
      restoreConfirm: '用 {time} 的备份替换当前数据库？当前数据库会先另存为备份。恢复后所有人需要重新登录。',
      restored: '已恢复。请重新登录。',
    },
  },
  en: {
    backups: {
      title: 'Backup and restore',
      intro: 'The workstation backs itself up once a day and keeps one a day for 7 days, one a week for 4 weeks and one a month for 12 months, in the folder beside the database:',
      takeNow: 'Back up now',
      taken: 'Backup written: {name}',
      empty: 'No backups yet',
      name: 'File',
      kind: 'Kind',
      size: 'Size',
      takenAt: 'Taken',
      kinds: { auto: 'Automatic', manual: 'By hand', beforeRestore: 'Kept before a restore', beforeMigration: 'Kept before an upgrade' },
      lastBackup: 'Last backup',
      never: 'Never',
      freeSpace: 'Free disk space',
      warnings: {
        noBackup: 'This workstation has no backup yet. Back it up in Settings › Backup and restore, and copy the backup to a USB stick.',
        backupOld: 'The last backup was on {date}, more than 7 days ago. Back up now.',
        diskLow: 'Less than 1 GB of disk space is left ({free}): backups and saves may fail.',
      },
      goToBackups: 'Back up',
      restore: 'Restore',
      restoreConfirm: 'Replace the current database with the backup of {time}? The current database is kept as a backup first. Everyone logs in again afterwards.',
      restored: 'Restored. Please log in again.',
    },
  },
});
