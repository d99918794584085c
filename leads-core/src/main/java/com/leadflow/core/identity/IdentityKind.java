package com.leadflow.core.identity;

/** The kinds of exact identity key a lead can be found by. */
public enum IdentityKind {
	EMAIL, PHONE, WECHAT_UNIONID, WECHAT_OPENID, CRM_CONTACT
}
