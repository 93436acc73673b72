package org.strowger.pbx.internal.value;

/** Evaluation failed at run time: unknown function, bad function arguments, bad expression operand. */
public class DialplanEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DialplanEvaluationException(String message) {
        super(message);
    }
}
