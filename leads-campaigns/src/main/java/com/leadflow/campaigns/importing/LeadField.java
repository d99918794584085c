package com.leadflow.campaigns.importing;

import java.util.List;

/** A lead field an import column can fill, with the header spellings (Chinese and English) that name it. */
public enum LeadField {

	NAME("姓名", "名字", "联系人", "联系人姓名", "客户姓名", "name", "fullname", "contact", "contactname"),
	MOBILE("手机", "手机号", "手机号码", "移动电话", "mobile", "mobilephone", "cell", "cellphone"),
	PHONE("电话", "联系电话", "座机", "办公电话", "phone", "telephone", "tel", "phonenumber", "workphone"),
	EMAIL("邮箱", "电子邮箱", "邮件", "电子邮件", "邮箱地址", "email", "e-mail", "mail", "emailaddress"),
	COMPANY("公司", "公司名称", "单位", "单位名称", "企业", "企业名称", "客户名称", "company", "companyname",
			"organization", "organisation", "account", "accountname"),
	TITLE("职位", "职务", "头衔", "岗位", "title", "jobtitle", "position"),
	DECISION_ROLE("决策角色", "角色", "采购角色", "决策链角色", "decisionrole", "buyingrole", "role"),
	DEPARTMENT("部门", "department", "dept"),
	INDUSTRY("行业", "所属行业", "industry", "sector"),
	COMPANY_SIZE("公司规模", "企业规模", "规模", "员工人数", "人数", "companysize", "size", "employees", "headcount"),
	REGION("区域", "大区", "地区", "region", "area", "territory"),
	PROVINCE("省份", "省", "所在省份", "province", "state"),
	CITY("城市", "市", "所在城市", "city"),
	BUDGET("预算", "采购预算", "budget"),
	NEED("需求", "需求描述", "痛点", "need", "needs", "requirement", "painpoint"),
	TIMEFRAME("采购时间", "时间框架", "预计采购时间", "timeframe", "timeline", "purchasetime"),
	WECHAT_UNIONID("微信unionid", "unionid", "wechatunionid"),
	WECHAT_OPENID("微信openid", "openid", "wechatopenid", "微信号", "微信", "wechat"),
	CRM_CONTACT_ID("crm联系人id", "crmid", "crmcontactid", "contactid"),
	OWNER("负责人", "归属销售", "销售", "owner", "salesowner"),
	UTM_SOURCE("utmsource", "来源", "渠道来源", "source", "leadsource"),
	UTM_MEDIUM("utmmedium", "媒介", "medium"),
	UTM_CAMPAIGN("utmcampaign", "活动", "活动名称", "campaign"),
	NOTES("备注", "说明", "notes", "note", "comment", "comments", "remark", "remarks");

	private final List<String> spellings;

	LeadField(String... spellings) {
		this.spellings = List.of(spellings);
	}

	/** Header spellings, normalised as {@link HeaderMapping#normalise} does. */
	List<String> spellings() {
		return spellings;
	}

	/** Whether the field is an identity key (at least one is needed per row). */
	public boolean isIdentity() {
		return switch (this) {
			case MOBILE, PHONE, EMAIL, WECHAT_UNIONID, WECHAT_OPENID, CRM_CONTACT_ID -> true;
			default -> false;
		};
	}
}
