/**
 * Real-looking names for demo units: companies, communities, villages and public institutions of
 * Wuhan, each community named after a place in its own district (中北路 in 武昌区, 光谷 in 东湖高新区),
 * and contacts with the titles such a unit has (a community's 书记 or 主任, a company's 经理).
 */
import type { Random } from './random';
import { wuhanStreets } from './wuhan-streets';

const companyCores = ['长江', '汉江', '楚天', '江城', '黄鹤', '晴川', '东湖', '光谷', '汉阳', '武昌', '鹦鹉', '龟山', '南湖', '沙湖', '月湖', '琴台', '知音', '荆楚', '珞珈', '汤逊', '盘龙', '木兰', '凤凰', '金银湖', '后官湖', '江汉', '汉正', '古琴', '卓刀泉'];
const companyMids = ['鑫源', '华泰', '恒通', '宏达', '瑞丰', '新世纪', '远航', '中诚', '博远', '天成', '联创', '盛华', '永安', '嘉禾', '同兴', '信达', '安泰', '汇丰', '德润', '利民'];
const trades = ['科技', '实业', '建设', '物业服务', '商贸', '机械制造', '食品', '医药', '电子', '纺织', '建材', '餐饮管理', '汽车零部件', '环保科技', '软件'];
const deliveryTrades = ['快递服务', '物流', '速运', '供应链管理', '邮政速递'];
const financeNames = ['农村商业银行', '村镇银行', '保险代理', '小额贷款', '融资担保'];
/** Places each district's communities are named after, by district code; a community never carries another district's place. */
const communityPlaces: Record<string, readonly string[]> = {
  '420102': ['百步亭', '后湖', '塔子湖', '球场', '大智', '一元', '台北', '永清'],
  '420103': ['汉兴', '唐家墩', '北湖', '常青', '万松', '民族', '满春', '前进'],
  '420104': ['古田', '宝丰', '汉正', '易家墩', '韩家墩', '荣华', '汉水'],
  '420105': ['钟家村', '琴台', '墨水湖', '四新', '晴川', '江堤', '五里墩', '月湖'],
  '420106': ['中北路', '水果湖', '首义', '积玉桥', '紫阳', '粮道', '杨园', '白沙洲'],
  '420107': ['红钢城', '冶金', '钢都', '新沟桥', '工人村', '青山镇', '红卫路'],
  '420111': ['珞南', '卓刀泉', '狮子山', '南湖', '洪山', '和平', '张家湾', '青菱'],
  '420112': ['吴家山', '金银湖', '将军路', '慈惠', '走马岭', '径河'],
  '420113': ['纱帽', '邓南', '东荆', '湘口'],
  '420114': ['蔡甸', '奓山', '索河', '大集', '张湾', '侏儒山'],
  '420115': ['纸坊', '藏龙岛', '金口', '郑店', '五里界', '乌龙泉'],
  '420116': ['前川', '盘龙城', '滠口', '武湖', '横店', '祁家湾'],
  '420117': ['邾城', '阳逻', '问津', '仓埠', '汪集', '双柳'],
  '4201DH': ['光谷', '关东', '关南', '佛祖岭', '豹澥', '花山', '九峰'],
  '4201JK': ['沌口', '军山', '沌阳', '东风', '官莲湖', '枫树'],
};
const communitySuffixes = ['社区', '社区', '花园社区', '新村社区', '第一社区', '第二社区'];
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

export function communityName(random: Random, districtCode: string): string {
  const places = communityPlaces[districtCode] ?? ['幸福', '和平', '友谊', '新华'];
  const place = random.pick(places);
  return `${place}${random.pick(communitySuffixes)}`;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '胡'];
const titles: Record<string, readonly string[]> = {
  community: ['书记', '主任', '副主任', '网格长'],
  village: ['书记', '主任', '治保主任'],
  enterprise: ['经理', '安全主任', '保卫科长', '行政主管'],
  institution: ['保卫科长', '办公室主任', '安全员'],
};

/** 陈书记, 王经理: a contact as a unit's staff would name them, with a title that fits the kind of unit. */
export function contactName(random: Random, kind: string): string {
  return `${random.pick(surnames)}${random.pick(titles[kind] ?? ['主任'])}`;
}

export function villageName(random: Random): string {
  return `${random.pick(villagePrefixes)}${random.pick(villageWords)}村`;
}

export function institutionName(random: Random, districtName: string): string {
  return `${districtName}${random.pick(institutions)}`;
}

/** A street of the unit's own district (or development zone) and an address in it, as a local writes one. */
export function streetAndAddress(random: Random, districtCode: string, districtName: string, kind: string, unitName: string): { street: string | null; address: string } {
  const streets = wuhanStreets[districtCode];
  if (streets === undefined || streets.length === 0) return { street: null, address: `${districtName}${unitName}` };
  // A community named after a street's place lies in that street (白沙洲社区 in 白沙洲街道).
  const drawn = random.pick(streets);
  const street = (kind === 'community' ? streets.find((each) => unitName.startsWith(each.replace(/(街道|地区|镇|乡)$/, ''))) : undefined) ?? drawn;
  // 水果湖街道 → 水果湖路, 新沟镇街道 → 新沟路, 四新地区 → 四新路: the street's own road.
  const stem = street.replace(/(街道|地区|镇|乡)$/, '').replace(/(花园新区|新区|镇)$/, '');
  if (kind === 'community') return { street, address: `${districtName}${street}${unitName}党群服务中心` };
  if (kind === 'village') return { street, address: `${districtName}${street}${unitName.replace(/村$/, '')}村委会` };
  return { street, address: `${districtName}${street}${stem}${random.pick(['路', '路', '大道', '街'])}${random.int(1, 399)}号` };
}
