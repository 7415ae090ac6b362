/** Records named in words (audit log, conflicts, import reports): what record-words.ts composes. */
import { defineMessages } from './define';

export const recordMessages = defineMessages({
  zhCN: {
    records: {
      unknownUnit: '（本机没有的单位）',
      unit: '单位 {name}',
      assessment: '{unit} · {cycle} 年度评定',
      history: '{unit} · {cycle} 年度星级记录',
      certificate: '证书 {number} · {unit}',
      revocation: '证书 {number} 的撤销 · {unit}',
      rectification: '{unit} 的整改',
      evidence: '{unit} 的证据 {name}',
      districtInputs: '{district} · {cycle} 年度考评数据',
      user: '用户 {name}',
      workstation: '工作站 {name}',
      conflict: '冲突：{what}',
      pack: '评分细则 {name}',
      commandLine: '命令行（{account}）',
    },
  },
  en: {
    records: {
      unknownUnit: '(a unit not held here)',
      unit: 'Unit {name}',
      assessment: '{unit} · {cycle} assessment',
      history: '{unit} · {cycle} star record',
      certificate: 'Certificate {number} · {unit}',
      revocation: 'Revocation of certificate {number} · {unit}',
      rectification: 'Rectification of {unit}',
      evidence: 'Evidence {name} of {unit}',
      districtInputs: '{district} · {cycle} district inputs',
      user: 'User {name}',
      workstation: 'Workstation {name}',
      conflict: 'Conflict: {what}',
      pack: 'Rubric pack {name}',
      commandLine: 'command line ({account})',
    },
  },
});
