/** Real-looking names for demo units: companies, communities, villages and public institutions of Wuhan. */
import type { Random } from './random';

const companyCores = ['长江', '汉江', '楚天', '江城', '黄鹤', '晴川', '东湖', '光谷', '汉阳', '武昌', '鹦鹉', '龟山', '南湖', '沙湖', '月湖', '琴台', '知音', '荆楚', '珞珈', '汤逊', '盘龙', '木兰', '凤凰', '金银湖', '后官湖', '梁子湖', '江汉', '汉正', '古琴', '卓刀泉'];
const companyMids = ['鑫源', '华泰', '恒通', '宏达', '瑞丰', '新世纪', '远航', '中诚', '博远', '天成', '联创', '盛华', '永安', '嘉禾', '同兴', '信达', '安泰', '汇丰', '德润', '利民'];
const trades = ['科技', '实业', '建设', '物业服务', '商贸', '机械制造', '食品', '医药', '电子', '纺织', '建材', '餐饮管理', '汽车零部件', '环保科技', '软件'];
const deliveryTrades = ['快递服务', '物流', '速运', '供应链管理', '邮政速递'];
const financeNames = ['农村商业银行', '村镇银行', '保险代理', '小额贷款', '融资担保'];
const communityWords = ['幸福', '和平', '建设', '友谊', '新华', '民主', '长丰', '汉兴', '锦绣', '花园', '滨江', '紫阳', '翠微', '南湖', '百步亭', '后湖', '古田', '墨水湖', '琴台', '钟家村', '水果湖', '中北路', '关山', '珞南', '光谷', '红钢城', '常青', '吴家山', '纱帽', '纸坊'];
const communitySuffixes = ['社区', '第一社区', '第二社区', '花园社区', '新村社区'];
const villagePrefixes = ['张', '李', '王', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁'];
const villageWords = ['家湾', '家岭', '家台', '家墩', '家咀', '湖', '岗', '桥', '河', '畈', '店', '集', '冲', '山', '庙'];
const institutions = ['人民医院', '中医医院', '第一中学', '实验小学', '第二中学', '职业技术学校', '图书馆', '文化馆', '体育中心', '自来水厂', '燃气公司', '供电公司', '汽车客运站', '人民法院', '档案馆', '疾病预防控制中心', '妇幼保健院', '市场监督管理局', '政务服务中心', '科技馆'];

export function enterpriseName(random: Random, industry: string | null): string {
  const core = random.pick(companyCores);
  const mid = random.pick(companyMids);
  if (industry === 'delivery') return `武汉${core}${mid}${random.pick(deliveryTrades)}有限公司`;
  if (industry === 'finance') return `武汉${core}${random.pick(financeNames)}股份有限公司`;
  return `武汉${core}${mid}${random.pick(trades)}有限公司`;
}

export function communityName(random: Random): string {
  return `${random.pick(communityWords)}${random.pick(communitySuffixes)}`;
}

export function villageName(random: Random): string {
  return `${random.pick(villagePrefixes)}${random.pick(villageWords)}村`;
}

export function institutionName(random: Random, districtName: string): string {
  return `${districtName}${random.pick(institutions)}`;
}
