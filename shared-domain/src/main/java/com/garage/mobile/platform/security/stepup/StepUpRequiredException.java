package com.garage.mobile.platform.security.stepup;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sensitive action asked without a recent strong sign-in: 401 with the RFC 9470 challenge that
 * tells the app which {@code acr_values} and {@code max_age} to request when it signs in again.
 */
public class StepUpRequiredException extends ProblemException {

    public StepUpRequiredException(String action, String shortfall, Set<String> acrValues, Duration maxAge) {
        super(Problem.of(ProblemType.STEP_UP_REQUIRED, ("%s: sign in again with a strong method (such as a biometric"
                + " unlock) to %s.").formatted(shortfall, action)),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge(action, acrValues, maxAge)));
    }

    private static String challenge(String action, Set<String> acrValues, Duration maxAge) {
        return "Bearer error=\"insufficient_user_authentication\", error_description=\"A recent strong"
                + " authentication is required to " + action.replace("\"", "'") + "\", acr_values=\""
                + String.join(" ", new TreeSet<>(acrValues)) + "\", max_age=" + maxAge.toSeconds();
    }
}
