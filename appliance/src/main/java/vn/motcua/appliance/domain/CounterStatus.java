package vn.motcua.appliance.domain;

/** Whether a counter takes residents now. */
public enum CounterStatus { CLOSED, OPEN, PAUSED }
