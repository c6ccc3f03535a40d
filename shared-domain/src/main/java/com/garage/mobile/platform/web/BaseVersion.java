package com.garage.mobile.platform.web;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version an update is based on, from {@code If-Match} or the body's {@code baseVersion}. */
public final class BaseVersion {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})(?:-[A-Za-z0-9_-]{1,64})?\"?$");

    private BaseVersion() {
    }

    /**
     * The base version the client sent. Refuses a request that sends none (428), a malformed
     * {@code If-Match}, or two that disagree.
     */
    public static long resolve(String ifMatch, Long bodyVersion) {
        Long headerVersion = parse(ifMatch);
        if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
            throw ProblemException.invalidField("baseVersion", "differs from the If-Match header");
        }
        if (headerVersion == null && bodyVersion == null) {
            throw new ProblemException(ProblemType.VERSION_REQUIRED,
                    "Send the version you last read, as If-Match or baseVersion.");
        }
        return headerVersion != null ? headerVersion : bodyVersion;
    }

    /**
     * The ETag of a version, as sent in {@code ETag} and expected back in {@code If-Match}. A
     * composite's tag ({@code "<version>-<hash>"}, {@link EntityTags}) is read for its version.
     */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the ETag of the version you read, like \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
