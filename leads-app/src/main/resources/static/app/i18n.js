// Labels in Chinese and English. Keys are the English text; the choice is remembered in localStorage.

const ZH = {
  'Dashboard': '仪表盘', 'Lead pool': '线索池', 'Merge review': '合并审核', 'Campaign series': '活动系列',
  'Import': '导入', 'Scoring': '评分模型', 'SDR queue': 'SDR 队列', 'Outbox': '外发队列',
  'Log in': '登录', 'Log out': '退出', 'User name': '用户名', 'Password': '密码', 'Login failed': '登录失败',
  'Error': '错误', 'Loading…': '加载中…', 'Save': '保存', 'Cancel': '取消', 'Delete': '删除', 'Search': '搜索',
  'Reset': '重置', 'Next page': '下一页', 'Previous page': '上一页', 'Saved': '已保存', 'Back': '返回',
  'Menu': '菜单', 'Language': '语言', 'Signed in as {name}': '当前用户：{name}',
  'Not available yet': '暂未提供', 'This report is not available on this server yet.': '该报表在此服务器上暂未提供。',
  'No data yet.': '暂无数据。', 'Forbidden': '无权限', 'Your role may not see this page.': '您的角色无权查看此页面。',
  // dashboard
  'Market visibility': '市场可见度', 'Target': '目标', 'Funnel': '漏斗', 'Leads by band over time': '各分级线索趋势',
  'Top series by cost per SQL': '单个 SQL 成本最低的活动系列', 'From': '从', 'To': '到', 'Apply': '应用',
  'Below target': '低于目标', 'Near target': '接近目标', 'On target': '达到目标', 'visibility': '可见度',
  'complete of market': '完整线索 / 市场规模', 'Missing': '缺失', 'Conversion to next': '转化到下一阶段',
  'Avg. days': '平均天数', 'Band distribution now': '当前分级分布', 'Leads': '线索', 'Series': '系列', 'Channel': '渠道',
  'Cost': '成本', 'New leads': '新线索', 'Cost per lead': '单线索成本', 'Cost per SQL': '单 SQL 成本', 'Won revenue': '赢单金额',
  'Days': '天数', 'All segments': '全部细分市场', 'No segment has a market size yet (PUT /api/analytics/market-sizes).': '尚未设置任何细分市场的规模（PUT /api/analytics/market-sizes）。',
  // leads
  'Text (name, e-mail, phone, company)': '关键词（姓名、邮箱、电话、公司）', 'Stage': '阶段', 'Tag': '标签', 'Owner': '负责人',
  'Industry': '行业', 'Region': '区域', 'Created from': '创建起', 'Created to': '创建止', 'Name': '姓名', 'Company': '公司',
  'Last touch': '最近互动', 'Created': '创建时间', 'Saved views': '已保存视图', 'Save view': '保存视图',
  'View name': '视图名称', 'No leads match.': '没有符合条件的线索。', 'Any': '全部', 'Page {n}': '第 {n} 页',
  // lead 360
  'Identities': '身份标识', 'Tags': '标签', 'Add tag': '添加标签', 'Consent': '授权同意', 'Score': '评分',
  'Explanation': '评分解释', 'Stage history': '阶段历史', 'Timeline': '时间线', 'Load more': '加载更多',
  'Merges': '合并记录', 'Kind': '类型', 'Value': '值', 'Source': '来源', 'Purpose': '用途', 'Granted': '已同意',
  'Withdrawn': '已撤回', 'Recorded': '记录时间', 'Record consent': '记录授权', 'Grant': '同意', 'Withdraw': '撤回',
  'Total': '总分', 'Band': '分级', 'Fit': '匹配度', 'Behaviour': '行为', 'Grade': '等级', 'Part': '部分', 'Points': '分数',
  'Model': '模型', 'No score yet.': '暂无评分。', 'Action': '动作', 'When': '时间', 'Details': '详情', 'Reason': '原因',
  'Actor': '操作人', 'Note': '备注', 'Title': '职位', 'Size': '规模', 'Existing customer': '老客户', 'Yes': '是', 'No': '否',
  'Completeness': '完整度', 'Budget': '预算', 'Need': '需求', 'Timeframe': '时间框架', 'Province': '省份', 'City': '城市',
  'Recycle': '回收', 'Recycle with reason': '填写原因并回收', 'Re-engage after': '再次跟进日期', 'Move to stage': '变更阶段',
  'Lead #{id}': '线索 #{id}', 'Undo': '撤销', 'Touches': '互动次数',
  // merges
  'Similarity': '相似度', 'Merge': '合并', 'Dismiss': '忽略', 'No open candidates.': '没有待审核的重复线索。',
  'Merged.': '已合并。', 'Dismissed.': '已忽略。', 'Field': '字段', 'Lead A': '线索 A', 'Lead B': '线索 B',
  // series
  'New series': '新建系列', 'Edit series': '编辑系列', 'Goal': '目标', 'Persona': '目标人群', 'Value proposition': '价值主张',
  'CTA': '行动号召 (CTA)', 'Offer': '提供内容', 'Journey stage': '购买旅程阶段', '4C role': '4C 角色', 'Starts on': '开始日期',
  'Ends on': '结束日期', 'Status': '状态', 'Currency': '币种', 'Channels and costs': '渠道与成本', 'Channels': '渠道',
  'Series report': '系列报表', 'Leads created': '新建线索', 'Leads touched': '触达线索', 'Cost per new lead': '单新线索成本',
  'Default series': '默认系列',
  // import
  'Upload': '上传', 'Preview & mapping': '预览与映射', 'Series & channel': '系列与渠道', 'Run': '执行', 'Result': '结果',
  'File (.csv or .xlsx)': '文件（.csv 或 .xlsx）', 'Encoding': '编码', 'Detect': '自动识别', 'Rows': '行数',
  'Column': '列', 'Maps to': '映射到', 'Ignore': '忽略', 'Next': '下一步', 'Start import': '开始导入',
  'Dry run (check rows only)': '试运行（仅校验）', 'rows/s': '行/秒', 'Read': '已读取', 'Stored': '已保存',
  'Matched': '已匹配', 'Duplicates in file': '文件内重复', 'Failed': '失败', 'Download rejected rows and warnings (CSV)': '下载被拒绝的行和警告（CSV）',
  'With warnings': '有警告', 'Strict: reject a row with an invalid e-mail or phone (default: store it without that value)': '严格模式：邮箱或电话无效的行直接拒绝（默认：去掉该值后保存）',
  'Import another file': '导入另一个文件', 'Recent imports': '最近的导入', 'File': '文件', 'Progress': '进度',
  'Choose a file first.': '请先选择文件。', 'Preview': '预览',
  // scoring
  'Models': '模型', 'Version': '版本', 'Scope': '范围', 'Copy as draft': '复制为草稿', 'Simulate': '模拟',
  'Activate': '激活', 'Score groups': '评分组', 'Bands': '分级阈值', 'Warm from': 'Warm 起', 'Hot above': 'Hot 高于',
  'Grades': '等级阈值', 'Decay half-life (days)': '衰减半衰期（天）', 'Competitor points': '竞争对手分数',
  'BANT and fit criteria': 'BANT 与匹配条件', 'Behaviour weights': '行为权重', 'Label': '名称', 'Attribute': '属性',
  'Match': '匹配', 'Values': '取值', 'Min': '最小', 'Max': '最大', 'Per step': '每步', 'Minutes/step': '分钟/步',
  'Max steps': '最多步数', 'Cap': '上限', 'Cap days': '上限周期（天）', 'Decays': '衰减', 'Add criterion': '添加条件',
  'Add action': '添加动作', 'Before': '调整前', 'After': '调整后', 'Leads changing band': '分级变化的线索',
  'AUC now / with draft': 'AUC 当前 / 草稿', 'Re-scoring': '重新评分中', 'Only drafts can be edited.': '只有草稿可以编辑。',
  'Simulation': '模拟结果', 'Conversion': '转化率', 'Competitor domains': '竞争对手邮箱域名', 'Remove': '移除', 'Group': '组',
  // sdr
  'Queued': '入队时间', 'Team': '团队', 'Qualify': '资格认定', 'Outcome': '结果', 'Record call': '记录通话',
  'Queue is empty.': '队列为空。', 'Qualified': '合格', 'Not now': '暂不', 'Invalid': '无效',
  // outbox
  'Dead letters': '死信', 'Replay': '重新投递', 'Peer': '对端', 'Attempts': '尝试次数', 'Last error': '最后错误',
  'No dead letters.': '没有死信。', 'Messages of a lead': '线索的外发消息', 'Lead id': '线索 ID', 'Show': '显示',
  'Replayed.': '已重新投递。',
};

// Enum values shown to people.
const ENUM_ZH = {
  LEAD: '线索', NEW: '新建', NURTURING: '培育中', MQL: 'MQL', SAL: 'SAL', SQL: 'SQL', OPPORTUNITY: '商机', WON: '赢单', LOST: '丢单',
  DISQUALIFIED: '已取消资格', RECYCLED: '已回收', COOL: '冷', WARM: '温', HOT: '热',
  BELOW: '低于目标', NEAR: '接近目标', ON_TARGET: '达到目标',
  WEB_FORM: '网站表单', WEBINAR: '网络研讨会', LIVE_STREAM: '直播', WHITEPAPER: '白皮书', OFFLINE_EVENT: '线下活动',
  WECHAT: '微信', EDM: '邮件营销', PAID_SEARCH: '付费搜索', REFERRAL: '推荐', HOTLINE_400: '400 热线', IMPORT: '导入', API: 'API',
  STRATEGY_AND_GOALS: '战略与目标', NEEDS_AND_GAPS: '需求与差距', VENDOR_EVALUATION: '供应商评估',
  BUDGET_APPROVED_PURCHASE: '预算获批采购', IMPLEMENTATION_AND_REVIEW: '实施与评估',
  CONNECT: '连接 (Connect)', CLOSE: '成交 (Close)', CONTINUE: '延续 (Continue)',
  PLANNED: '计划中', ACTIVE: '进行中', PAUSED: '已暂停', COMPLETED: '已完成', ARCHIVED: '已归档', DRAFT: '草稿', RETIRED: '已停用',
  QUEUED: '排队中', RUNNING: '运行中', SUCCEEDED: '成功', FAILED: '失败', CANCELLED: '已取消', PENDING: '等待中', DONE: '完成',
  QUALIFIED: '合格', NOT_NOW: '暂不', INVALID: '无效',
  BUDGET: '预算', TIMING: '时机', PRICE: '价格', NO_AUTHORITY: '无决策权', COMPETITOR: '竞争对手', NO_NEED: '无需求',
  NO_RESPONSE: '无响应', SLA_EXPIRED: 'SLA 超时', OTHER: '其他',
  WRONG_DATA: '数据错误', NO_INTENT: '无意向', DUPLICATE: '重复', COMPETITOR_EMPLOYEE: '竞争对手员工', STUDENT: '学生', SPAM: '垃圾信息',
  MARKETING_EMAIL: '营销邮件', CALLS: '电话', WECHAT_MESSAGES: '微信消息', CROSS_BORDER_TRANSFER: '跨境传输',
  EMAIL: '邮箱', PHONE: '电话', MOBILE: '手机', WECHAT_UNIONID: '微信 UnionID', WECHAT_OPENID: '微信 OpenID', CRM_ID: 'CRM ID',
  CRM_CONTACT_ID: 'CRM 联系人 ID', NAME: '姓名', COMPANY: '公司', TITLE: '职位', DEPARTMENT: '部门', INDUSTRY: '行业',
  COMPANY_SIZE: '公司规模', REGION: '区域', PROVINCE: '省份', CITY: '城市', NEED: '需求', TIMEFRAME: '时间框架', OWNER: '负责人',
  UTM_SOURCE: 'UTM 来源', UTM_MEDIUM: 'UTM 媒介', UTM_CAMPAIGN: 'UTM 活动', NOTES: '备注', AUTHORITY: '决策权',
  EXISTING_CUSTOMER: '老客户', FIT: '匹配度', BEHAVIOUR: '行为', ADJUSTMENT: '调整',
  ADMIN: '管理员', MARKETER: '市场', SDR: 'SDR', SALES: '销售', ANALYST: '分析师',
};

const ACRONYMS = new Set(['MQL', 'SAL', 'SQL', 'API', 'EDM', 'CRM', 'SDR', 'CTA', 'AUC', 'CSV']);

let current = localStorage.getItem('leadflow.lang') || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en');

export const lang = () => current;

export function setLang(l) {
  current = l === 'zh' ? 'zh' : 'en';
  localStorage.setItem('leadflow.lang', current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** Translate a label; {name} placeholders are filled from vars. */
export function t(key, vars) {
  let text = current === 'zh' ? ZH[key] ?? key : key;
  for (const [k, v] of Object.entries(vars || {})) text = text.replace('{' + k + '}', v);
  return text;
}

/** An enum value as people read it (English: "NOT_NOW" → "Not now"). */
export function te(value) {
  if (value == null || value === '') return '—';
  if (current === 'zh' && ENUM_ZH[value]) return ENUM_ZH[value];
  const s = String(value).replace(/_/g, ' ').toLowerCase();
  return ACRONYMS.has(value) ? value : s.charAt(0).toUpperCase() + s.slice(1);
}

setLang(current);
