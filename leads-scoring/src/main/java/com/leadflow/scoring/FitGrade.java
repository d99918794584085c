package com.leadflow.scoring;

/** How well a lead fits the ideal customer (from the fit/BANT part only): A best, D worst. */
public enum FitGrade {
	A, B, C, D
}
