/**
 * Real-looking names for demo units: companies, communities, villages and public institutions of
 * Wuhan, each community named after a place in its own district (中北路 in 武昌区, 光谷 in 东湖高新区)
 * or a housing estate, institutions after their district or street, and contacts with the titles
 * such a unit has (a community's 书记 or 主任, a company's 经理). The word lists are long enough for
 * a city-scale demo (100,000 units, some 6,000 in a district) to read like a real registry; when a
 * district has used up the draws, `UnitNamer` numbers a branch the way real ones are numbered
 * (第十二分公司, 塔子湖第三社区), so naming always ends.
 */
import type { UnitKind } from '@shared/rubric/unit-kind';
import type { Random } from './random';
import { wuhanStreets } from './wuhan-streets';

const companyCores = [
  '长江', '汉江', '楚天', '江城', '黄鹤', '晴川', '东湖', '光谷', '汉阳', '武昌', '鹦鹉', '龟山', '南湖', '沙湖', '月湖', '琴台', '知音', '荆楚',
  '珞珈', '汤逊', '盘龙', '木兰', '凤凰', '金银湖', '后官湖', '江汉', '汉正', '古琴', '卓刀泉', '蛇山', '梅岭', '磨山', '九峰', '汉口', '大江',
  '长丰', '楚雄', '华中', '中南', '江夏', '汉南', '青山', '白沙', '龙阳', '墨水湖', '沌口', '阳逻', '黄陂', '新洲', '蔡甸', '紫阳', '首义',
  '车谷', '临空', '云鹤', '长青', '常青', '金口', '天河', '桃花岛',
];
const companyMids = [
  '鑫源', '华泰', '恒通', '宏达', '瑞丰', '新世纪', '远航', '中诚', '博远', '天成', '联创', '盛华', '永安', '嘉禾', '同兴', '信达', '安泰', '汇丰',
  '德润', '利民', '启航', '卓越', '万通', '东方', '海纳', '金鼎', '顺达', '恒信', '华盛', '腾飞', '兴业', '众合', '宝隆', '荣昌', '富源', '广厦',
  '明德', '致远', '科达', '振华', '华夏', '新创', '诚信', '鸿运', '吉祥', '立信', '正泰', '华源', '中拓', '汇通', '和信', '润泽', '佳美', '宏图',
  '万和', '元亨', '泰和', '长盛', '瑞祥', '凯达',
];
const trades = [
  '科技', '实业', '建设', '物业服务', '商贸', '机械制造', '食品', '医药', '电子', '纺织', '建材', '餐饮管理', '汽车零部件', '环保科技', '软件',
  '信息技术', '光电子', '生物科技', '新材料', '装饰工程', '劳务', '贸易', '仓储', '印务', '家具', '钢结构', '水务', '电力工程', '化工', '塑胶',
  '酒店管理', '文化传媒', '教育咨询', '医疗器械', '农业发展', '园林绿化', '市政工程', '包装', '精密模具', '能源',
];
const companyForms = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const deliveryTrades = ['快递服务', '物流', '速运', '供应链管理', '邮政速递', '冷链物流', '同城配送', '货运代理'];
const banks = ['武汉农村商业银行', '汉口银行', '湖北银行', '武汉江夏农村商业银行', '武汉黄陂农村商业银行'];
const bankBranches = ['支行', '分理处'];
const financeNames = ['保险代理', '小额贷款', '融资担保', '典当', '保险经纪'];
/** Places each district's communities are named after, by district code; a community never carries another district's place. */
const communityPlaces: Record<string, readonly string[]> = {
  '420102': ['百步亭', '后湖', '塔子湖', '球场', '大智', '一元', '台北', '永清', '二七', '花桥', '谌家矶', '丹水池', '堤角', '新村', '车站', '西马'],
  '420103': ['汉兴', '唐家墩', '北湖', '常青', '万松', '民族', '满春', '前进', '花楼', '水塔', '民权', '民意', '新华', '杨汊湖', '贺家墩', '姑嫂树'],
  '420104': ['古田', '宝丰', '汉正', '易家墩', '韩家墩', '荣华', '汉水', '宗关', '汉中', '六角亭', '长丰', '崇仁', '额头湾', '舵落口'],
  '420105': ['钟家村', '琴台', '墨水湖', '四新', '晴川', '江堤', '五里墩', '月湖', '翠微', '建桥', '鹦鹉', '洲头', '琴断口', '永丰', '十里铺'],
  '420106': ['中北路', '水果湖', '首义', '积玉桥', '紫阳', '粮道', '杨园', '白沙洲', '徐家棚', '中华路', '黄鹤楼', '中南路', '珞珈山', '石洞', '武泰闸', '南湖'],
  '420107': ['红钢城', '冶金', '钢都', '新沟桥', '工人村', '青山镇', '红卫路', '厂前', '武东', '白玉山', '钢花村', '八大家'],
  '420111': ['珞南', '卓刀泉', '狮子山', '南湖', '洪山', '和平', '张家湾', '青菱', '关山', '梨园', '八吉府', '街道口', '鲁巷', '杨春湖'],
  '420112': ['吴家山', '金银湖', '将军路', '慈惠', '走马岭', '径河', '柏泉', '长青', '辛安渡', '东山', '新沟'],
  '420113': ['纱帽', '邓南', '东荆', '湘口', '汉南', '银莲湖'],
  '420114': ['蔡甸', '奓山', '索河', '大集', '张湾', '侏儒山', '永安', '玉贤', '消泗', '知音湖'],
  '420115': ['纸坊', '藏龙岛', '金口', '郑店', '五里界', '乌龙泉', '金水', '安山', '山坡', '法泗', '湖泗', '舒安', '庙山'],
  '420116': ['前川', '盘龙城', '滠口', '武湖', '横店', '祁家湾', '罗汉寺', '六指', '天河', '王家河', '长轩岭', '李集', '姚集', '蔡榨', '蔡店'],
  '420117': ['邾城', '阳逻', '问津', '仓埠', '汪集', '双柳', '李集', '三店', '潘塘', '旧街', '涨渡湖', '辛冲', '徐古', '凤凰'],
  '4201DH': ['光谷', '关东', '关南', '佛祖岭', '豹澥', '花山', '九峰', '左岭', '流芳', '滨湖', '龙泉', '未来城'],
  '4201JK': ['沌口', '军山', '沌阳', '东风', '官莲湖', '枫树', '太子湖', '车城', '神龙'],
};
const communitySuffixes = ['社区', '社区', '花园社区', '新村社区', '第一社区', '第二社区', '东社区', '西社区', '南社区', '北社区'];
/** Housing estates a community may be named after: words with no place in them, so they fit any district. */
const estateCores = [
  '锦绣', '幸福', '阳光', '金色', '翡翠', '怡和', '丽景', '康居', '安居', '和谐', '盛世', '紫荆', '银杏', '桂园', '兰亭', '碧水', '绿洲', '书香',
  '华润', '新城', '香榭', '玫瑰', '枫林', '馨苑', '嘉园', '御景', '蓝湾', '星光', '福星', '万科', '保利', '天合', '融侨', '中建', '招商', '恒大',
  '东方', '春晖', '秋实', '梧桐', '芳草', '清水', '明珠', '金桥', '银湖', '玉龙', '凤凰', '龙腾', '百合', '丹桂', '海棠', '青枫', '紫薇', '翠竹',
  '花园', '湖景', '江景', '山水', '美林', '世纪', '天悦', '君悦', '锦园', '华府', '雅居', '润园', '瑞景', '安康', '惠民', '民安', '广厦', '南国',
  '北辰', '中心', '都市', '城市', '名流', '锦江', '汉江', '长江', '东湖', '汤湖',
];
const estateWords = ['花园', '家园', '小区', '雅苑', '新城', '名都', '华庭', '城', '苑', '公馆', '佳园', '里', '雅居', '新村', '山庄', '湾', '府', '嘉园', '尚城', '国际'];
const villageSurnames = ['张', '李', '王', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范'];
const villageWords = ['家湾', '家岭', '家台', '家墩', '家咀', '家岗', '家河', '家畈', '家店', '家集', '家冲', '家山', '家庙', '家桥', '家塆', '家坝', '家大湾', '家新湾', '家嘴', '家垸', '家港', '家寨', '家铺', '家院', '家坡', '家田', '家堤', '家闸', '家窑', '家林'];
const villageNames = ['新湖', '三合', '联合', '红旗', '永丰', '胜利', '和平', '建设', '先锋', '群力', '同心', '光明', '长岭', '石桥', '新建', '五一', '东风', '向阳', '双河', '青龙', '白鹤', '金星', '新华', '丰收', '前进', '团结', '红星', '幸福', '民主', '太平'];
const institutions = [
  '人民医院', '中医医院', '第一中学', '实验小学', '第二中学', '职业技术学校', '图书馆', '文化馆', '体育中心', '自来水厂', '燃气公司', '供电公司', '汽车客运站',
  '人民法院', '档案馆', '疾病预防控制中心', '妇幼保健院', '市场监督管理局', '政务服务中心', '科技馆', '人民检察院', '公安分局', '消防救援大队', '博物馆',
  '青少年活动中心', '社会福利院', '精神卫生中心', '第三中学', '外国语学校', '特殊教育学校', '税务局', '人力资源和社会保障局', '教育局', '卫生健康局',
  '城市管理执法局', '应急管理局', '生态环境分局', '水务局', '交通运输局', '住房保障中心', '老年大学', '少年宫', '第二人民医院', '第三人民医院', '中心医院',
  '口腔医院', '康复医院', '殡仪馆', '污水处理厂', '垃圾转运站', '民政局', '司法局', '财政局', '统计局', '审计局', '商务局', '文化和旅游局', '体育局',
  '医疗保障局', '退役军人事务局', '园林局', '气象局', '农业农村局', '科学技术和经济信息化局', '工人文化宫', '妇女儿童活动中心', '职工医院', '血站',
  '急救中心', '公证处',
];
/** What every street (街道, 镇, 乡) has, named after it: 洪山区关山街道社区卫生服务中心. */
const streetInstitutions = [
  '社区卫生服务中心', '综合文化站', '便民服务中心', '敬老院', '司法所', '市场监管所', '中心幼儿园', '派出所', '综治中心', '退役军人服务站', '财政所',
  '中心小学', '初级中学', '农业服务中心', '劳动保障事务所', '城管执法中队', '消防站', '养老服务中心', '党群服务中心', '水务站',
  '社区学校', '文化活动中心', '计生服务站', '农技站', '环卫所', '交通管理站', '统计站', '社保服务站', '残疾人服务站', '网格管理中心',
];
/** Schools named after a place: 关山中学, 卓刀泉小学. */
const placeSchools = ['小学', '中学', '幼儿园', '初级中学', '第二小学', '实验学校', '第一小学', '第三小学', '中心幼儿园', '九年一贯制学校'];

export function enterpriseName(random: Random, industry: string | null, districtCode = ''): string {
  const core = random.pick(companyCores);
  const mid = random.pick(companyMids);
  if (industry === 'delivery') return `武汉${core}${mid}${random.pick(deliveryTrades)}有限公司`;
  if (industry === 'finance') {
    // A bank branch is named after the place it serves: 汉口银行关山支行.
    const places = communityPlaces[districtCode] ?? [];
    if (places.length > 0 && random.chance(0.5)) return `${random.pick(banks)}${random.pick(places)}${random.pick(bankBranches)}`;
    return `武汉${core}${mid}${random.pick(financeNames)}${random.pick(['有限公司', '股份有限公司'])}`;
  }
  const head = random.chance(0.85) ? '武汉' : random.chance(0.5) ? '湖北' : '武汉市';
  return `${head}${core}${mid}${random.pick(trades)}${random.pick(companyForms)}`;
}

export function communityName(random: Random, districtCode: string): string {
  const places = communityPlaces[districtCode] ?? ['幸福', '和平', '友谊', '新华'];
  if (random.chance(0.3)) return `${random.pick(estateCores)}${random.pick(estateWords)}社区`;
  return `${random.pick(places)}${random.pick(communitySuffixes)}`;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '胡', '孙', '朱', '高', '何', '郭', '罗', '梁', '宋', '郑', '谢', '韩', '唐'];
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
  if (random.chance(0.25)) return `${random.pick(villageNames)}村`;
  return `${random.pick(villageSurnames)}${random.pick(villageWords)}村`;
}

export function institutionName(random: Random, districtCode: string, districtName: string): string {
  const roll = random.next();
  const streets = wuhanStreets[districtCode] ?? [];
  const places = communityPlaces[districtCode] ?? [];
  if (roll < 0.25 || streets.length === 0) return `${districtName}${random.pick(institutions)}`;
  if (roll < 0.65) return `${districtName}${random.pick(streets)}${random.pick(streetInstitutions)}`;
  // Numbered schools of the district: 洪山区第十二小学, 江汉区第四中学.
  if (roll < 0.8 || places.length === 0) return `${districtName}第${chineseNumeral(random.int(2, 99))}${random.pick(['小学', '小学', '中学', '幼儿园'])}`;
  return `武汉市${random.pick(places)}${random.pick(placeSchools)}`;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const placeUnits = ['', '十', '百', '千'];

/** 0..9999 place by place, a run of zeros read once as 零 (105 → 一百零五, 1010 → 一千零一十). */
function belowTenThousand(value: number): string {
  const text = String(value);
  let out = '';
  let zero = false;
  for (let index = 0; index < text.length; index += 1) {
    const digit = Number(text[index]);
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${digits[digit]}${placeUnits[text.length - 1 - index]}`;
  }
  return out;
}

/** A whole number as it is written in a name: 2 → 二, 12 → 十二, 20 → 二十, 105 → 一百零五, 12345 → 一万二千三百四十五 (below 一亿). */
export function chineseNumeral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 100_000_000) throw new RangeError(`not a whole number: ${value}`);
  if (value === 0) return digits[0] as string;
  // 十二, not 一十二, when the number starts with its tens.
  if (value < 20) return belowTenThousand(value).replace(/^一十/, '十');
  if (value < 10_000) return belowTenThousand(value);
  const rest = value % 10_000;
  const head = `${chineseNumeral(Math.floor(value / 10_000))}万`;
  return rest === 0 ? head : `${head}${rest < 1000 ? '零' : ''}${belowTenThousand(rest)}`;
}

/** The n-th branch of a unit whose name is taken, as such branches are named (n ≥ 2). */
export function branchName(kind: UnitKind, name: string, n: number): string {
  const numeral = chineseNumeral(n);
  switch (kind) {
    case 'enterprise':
      return `${name}第${numeral}分公司`;
    case 'community':
      return `${name.replace(/(第.+)?社区$/, '')}第${numeral}社区`;
    case 'village':
      return `${name.replace(/村$/, '')}${numeral}村`;
    case 'institution':
      return `${name}第${numeral}分部`;
  }
}

/** How many fresh draws a name gets before the unit becomes a numbered branch of the last one. */
const freshDraws = 30;

/**
 * Names units uniquely within their district. A taken name is drawn again; after `freshDraws`
 * misses (a district as big as the city demo's runs out of plausible words) the name becomes the
 * next free numbered branch of the last draw, which always exists, so naming a unit always ends.
 */
export class UnitNamer {
  private readonly taken: Set<string>;
  /** The last branch number given to a name, so the next branch starts after it. */
  private readonly branches = new Map<string, number>();

  constructor(existing: Iterable<string> = []) {
    this.taken = new Set(existing);
  }

  static key(districtCode: string, name: string): string {
    return `${districtCode}\u0000${name}`;
  }

  name(districtCode: string, kind: UnitKind, draw: () => string): string {
    let name = draw();
    for (let tries = 1; this.taken.has(UnitNamer.key(districtCode, name)) && tries < freshDraws; tries += 1) name = draw();
    if (this.taken.has(UnitNamer.key(districtCode, name))) {
      const base = UnitNamer.key(districtCode, name);
      let n = this.branches.get(base) ?? 1;
      let branch: string;
      do {
        n += 1;
        branch = branchName(kind, name, n);
      } while (this.taken.has(UnitNamer.key(districtCode, branch)));
      this.branches.set(base, n);
      name = branch;
    }
    this.taken.add(UnitNamer.key(districtCode, name));
    return name;
  }
}

/** A street of the unit's own district (or development zone) and an address in it, as a local writes one. */
export function streetAndAddress(random: Random, districtCode: string, districtName: string, kind: string, unitName: string): { street: string | null; address: string } {
  const streets = wuhanStreets[districtCode];
  if (streets === undefined || streets.length === 0) return { street: null, address: `${districtName}${unitName}` };
  // A community or institution named after a street's place lies in that street (白沙洲社区 in 白沙洲街道).
  const drawn = random.pick(streets);
  const named = kind === 'community' || kind === 'institution' ? streets.find((each) => unitName.replace(districtName, '').replace(/^武汉市/, '').startsWith(each.replace(/(街道|地区|镇|乡)$/, ''))) : undefined;
  const street = named ?? drawn;
  // 水果湖街道 → 水果湖路, 新沟镇街道 → 新沟路, 四新地区 → 四新路: the street's own road.
  const stem = street.replace(/(街道|地区|镇|乡)$/, '').replace(/(花园新区|新区|镇)$/, '');
  if (kind === 'community') return { street, address: `${districtName}${street}${unitName}党群服务中心` };
  if (kind === 'village') return { street, address: `${districtName}${street}${unitName.replace(/村$/, '')}村委会` };
  return { street, address: `${districtName}${street}${stem}${random.pick(['路', '路', '大道', '街'])}${random.int(1, 399)}号` };
}
