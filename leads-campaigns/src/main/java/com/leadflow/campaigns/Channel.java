package com.leadflow.campaigns;

import com.leadflow.core.TouchAction;

/** A channel through which a campaign series reaches people; each arrival is tagged with one. */
public enum Channel {

	WEB_FORM(TouchAction.FORM_SUBMIT), WEBINAR(TouchAction.WEBINAR_REGISTER), LIVE_STREAM(TouchAction.LIVE_STREAM_VIEW),
	WHITEPAPER(TouchAction.WHITEPAPER_DOWNLOAD), OFFLINE_EVENT(TouchAction.EVENT_REGISTER),
	WECHAT(TouchAction.WECHAT_FOLLOW), EDM(TouchAction.EMAIL_CLICK), PAID_SEARCH(TouchAction.FORM_SUBMIT),
	REFERRAL(TouchAction.FORM_SUBMIT), HOTLINE_400(TouchAction.CALL_INBOUND), IMPORT(TouchAction.IMPORT),
	API(TouchAction.FORM_SUBMIT);

	private final TouchAction defaultAction;

	Channel(TouchAction defaultAction) {
		this.defaultAction = defaultAction;
	}

	/** The touch an arrival on this channel records when the caller names none. */
	public TouchAction defaultAction() {
		return defaultAction;
	}
}
