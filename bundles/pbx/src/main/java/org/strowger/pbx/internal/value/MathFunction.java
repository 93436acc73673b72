package org.strowger.pbx.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The math functions built into expressions. Names are upper case and exact. Rounding functions
 * work on the exact decimal ({@code ROUND} rounds halves away from zero, like C's round); the
 * others go through double precision. A result that is not a finite real number ({@code SQRT(-1)},
 * {@code LOG(0)}) is an error.
 */
enum MathFunction {
    SQRT(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.sqrt(x[0].doubleValue()));
        }
    },
    ABS(1) {
        BigDecimal compute(BigDecimal[] x) {
            return x[0].abs();
        }
    },
    FLOOR(1) {
        BigDecimal compute(BigDecimal[] x) {
            return x[0].setScale(0, RoundingMode.FLOOR);
        }
    },
    CEIL(1) {
        BigDecimal compute(BigDecimal[] x) {
            return x[0].setScale(0, RoundingMode.CEILING);
        }
    },
    ROUND(1) {
        BigDecimal compute(BigDecimal[] x) {
            return x[0].setScale(0, RoundingMode.HALF_UP);
        }
    },
    TRUNC(1) {
        BigDecimal compute(BigDecimal[] x) {
            return x[0].setScale(0, RoundingMode.DOWN);
        }
    },
    POW(2) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.pow(x[0].doubleValue(), x[1].doubleValue()));
        }
    },
    /** Natural logarithm. */
    LOG(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.log(x[0].doubleValue()));
        }
    },
    LOG2(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.log(x[0].doubleValue()) / Math.log(2));
        }
    },
    LOG10(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.log10(x[0].doubleValue()));
        }
    },
    EXP(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.exp(x[0].doubleValue()));
        }
    },
    SIN(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.sin(x[0].doubleValue()));
        }
    },
    COS(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.cos(x[0].doubleValue()));
        }
    },
    TAN(1) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.tan(x[0].doubleValue()));
        }
    },
    ATAN2(2) {
        BigDecimal compute(BigDecimal[] x) {
            return Numbers.fromDouble(Math.atan2(x[0].doubleValue(), x[1].doubleValue()));
        }
    };

    private static final Map<String, MathFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MathFunction::name, Function.identity()));

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    static Optional<MathFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    int arity() {
        return arity;
    }

    abstract BigDecimal compute(BigDecimal[] x);

    /** Applies the function to argument values; the parser has already checked their count. */
    String apply(List<String> arguments) {
        BigDecimal[] x = new BigDecimal[arguments.size()];
        for (int i = 0; i < x.length; i++) {
            String argument = arguments.get(i);
            int position = i + 1;
            x[i] = Numbers.parse(argument).orElseThrow(() -> new DialplanEvaluationException(
                    name() + "() needs numbers, but argument " + position + " is " + Operands.display(argument)));
        }
        try {
            return Numbers.format(compute(x));
        } catch (ArithmeticException e) {
            throw new DialplanEvaluationException(name() + "(" + String.join(", ", arguments) + ") " + e.getMessage());
        }
    }
}
