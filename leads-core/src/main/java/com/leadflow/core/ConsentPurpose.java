package com.leadflow.core;

/** What a lead may be contacted or processed for; each channel needs its purpose's consent. */
public enum ConsentPurpose {
	MARKETING_EMAIL, CALLS, WECHAT_MESSAGES, CROSS_BORDER_TRANSFER
}
