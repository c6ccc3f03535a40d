package com.garage.mobile.platform.web;

/**
 * A representation that holds child records (a job with its steps, lines and notes), whose row
 * version does not move when a child changes: its ETag is {@code "<version>-<content hash>"}.
 */
public interface CompositeView extends VersionedView {
}
