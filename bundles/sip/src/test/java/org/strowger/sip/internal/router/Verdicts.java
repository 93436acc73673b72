package org.strowger.sip.internal.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javax.sip.message.Request;

/** What RequestChecks says about a request: the problem and the status it is answered with, or nothing. */
final class Verdicts {

    private Verdicts() {
    }

    /** The status the router answers with; 0 when the request passes. */
    static int statusOf(Request request) {
        return RequestChecks.problem(request).map(RequestChecks::statusFor).orElse(0);
    }

    static void assertRefused(Request request, int status, String problemContains) {
        Optional<String> problem = RequestChecks.problem(request);
        assertThat(problem).as("problem with\n%s", request).isPresent();
        assertThat(problem.get()).contains(problemContains);
        assertThat(RequestChecks.statusFor(problem.get())).as(problem.get()).isEqualTo(status);
    }

    static void assertPasses(Request request) {
        assertThat(RequestChecks.problem(request)).as("problem with\n%s", request).isEmpty();
    }
}
