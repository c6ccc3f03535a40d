package com.garage.mobile.domain.feedback;

/** What a piece of feedback is: something broken, an idea, praise, or anything else. */
public enum FeedbackCategory {
    BUG,
    IDEA,
    PRAISE,
    OTHER
}
