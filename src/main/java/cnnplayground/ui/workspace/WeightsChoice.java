package cnnplayground.ui.workspace;

/** Which of a run's weights to look at: the newest copy, or the best epoch's (what Save model writes). */
public enum WeightsChoice { NEWEST, BEST }
